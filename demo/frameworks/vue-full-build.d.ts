/**
 * Vue's full build (runtime + template compiler) has the API of `vue` but ships no types of its own.
 * An app that aliases `vue` to it in its bundler config (the usual way) needs no such declaration.
 */
declare module 'vue/dist/vue.esm-bundler.js' {
  export * from 'vue';
}
