/**
 * The public RSS 2.0 feed of TLP:CLEAR advisories. It is built only from what
 * `advisories.publicFeed` returns (CLEAR, published), so nothing marked higher can reach it.
 */
import type { Advisory } from './advisories.service.ts';

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** RSS 2.0 with English titles; each description carries the English summary, then the Azerbaijani title and summary. */
export function rss(advisories: readonly Advisory[], base: string): string {
  const items = advisories.map((a) => [
    '<item>',
    `<title>${escape(a.title.en)}</title>`,
    `<link>${escape(`${base}/sharing?advisory=${a.id}`)}</link>`,
    `<guid isPermaLink="false">urn:uuid:${a.id}</guid>`,
    `<pubDate>${new Date(a.publishedAt ?? a.createdAt).toUTCString()}</pubDate>`,
    `<description>${escape(`${a.summary.en}\n\n${a.title.az}\n${a.summary.az}`)}</description>`,
    ...a.cves.map((c) => `<category>${escape(c)}</category>`),
    '</item>',
  ].join(''));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    '<title>Qalxan advisories (TLP:CLEAR)</title>',
    `<link>${escape(base)}</link>`,
    '<description>Public security advisories of the CERTs on Qalxan</description>',
    ...items,
    '</channel></rss>',
  ].join('\n');
}
