/**
 * Independent readers for our feeds: libxml2 (xmllint-wasm) for XML
 * well-formedness, @rowanmanning/feed-parser and feedsmith's parser for RSS/Atom,
 * ajv with the official JSON Feed 1.1 schema and a ninjs 2.x schema subset.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { parseFeed as rowanParse } from '@rowanmanning/feed-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import jsonFeedSchema from 'jsonfeed-schema/schema-v1.1.json';
import ninjsSchema from '../fixtures/ninjs-2.x-subset.schema.json';

export async function xmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'feed.xml', contents: xml }], normalization: 'c14n' });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** Errors from validating `xml` against an XML Schema (libxml2), e.g. the sitemaps.org sitemap.xsd. */
export async function xmlSchemaErrors(xml: string, xsd: { fileName: string; contents: string }): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'doc.xml', contents: xml }], schema: [xsd] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

export const rowan = (xml: string) => rowanParse(xml);
export const feedsmithRss = (xml: string) => parseRssFeed(xml);
export const feedsmithAtom = (xml: string) => parseAtomFeed(xml);
export const feedsmithJson = (json: unknown) => parseJsonFeed(json);

const ajv7 = addFormats(new Ajv({ allErrors: true, strict: false }));
const jsonFeedValidator = ajv7.compile(jsonFeedSchema);
const ajv2020 = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const ninjsValidator = ajv2020.compile(ninjsSchema);

export function jsonFeedErrors(feed: unknown): unknown[] {
  return jsonFeedValidator(feed) ? [] : (jsonFeedValidator.errors ?? []);
}

export function ninjsErrors(item: unknown): unknown[] {
  return ninjsValidator(item) ? [] : (ninjsValidator.errors ?? []);
}

/** RFC 822 date as aggregators expect: English names, ASCII digits, GMT. */
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** RFC 3339 timestamp with ASCII digits only. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
