import '../src/index.ts';

const fromCounts = document.querySelector<import('../src/index.ts').NpsTrend>('#from-counts');
if (fromCounts) {
  fromCounts.counts = [
    { period: '2025-Q1', promoters: 412, passives: 300, detractors: 288 },
    { period: '2025-Q2', promoters: 455, passives: 310, detractors: 251 },
    { period: '2025-Q3', promoters: 430, passives: 298, detractors: 270 },
    { period: '2025-Q4', promoters: 520, passives: 305, detractors: 201 },
    { period: '2026-Q1', promoters: 3, passives: 1, detractors: 0 },
    { period: '2026-Q2', promoters: 560, passives: 290, detractors: 180 },
  ];
}
