/** The gallery's home page: one card per element with a live rendering, and the ways on. */
import { startGallery } from './gallery.ts';

startGallery();
