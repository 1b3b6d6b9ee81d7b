/**
 * TypeScript model of the JSON produced by Strapi 5's "blocks" rich-text
 * editor (attribute `type: 'blocks'`).
 *
 * Mirrors the server-side validator
 * (`@strapi/core` → services/entity-validator/blocks-validator.ts) and the
 * admin editor (content-manager BlocksInput):
 *
 *  - Root level (`BlocksContent`) is an array of block nodes:
 *    paragraph | heading | quote | list | code | image.
 *  - `link` is an *inline* node: it appears inside the children of
 *    paragraph / heading / quote / list-item, never at the root.
 *  - `list-item` only appears inside `list.children`; lists nest by placing a
 *    `list` node directly among the children of another `list`.
 *  - Every element node has at least one child; an empty line is
 *    `{ type: 'text', text: '' }`. Text leaves carry optional boolean marks.
 *
 * Pure types — no runtime code, no Strapi imports.
 */

/* ------------------------------------------------------------------ */
/* Inline nodes                                                        */
/* ------------------------------------------------------------------ */

/** Text leaf. Marks are optional booleans; absent ⇒ false. */
export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

/** Names of the boolean marks a text leaf may carry. */
export type TextModifier = Exclude<keyof TextNode, 'type' | 'text'>;

/** Inline hyperlink. Children are text leaves only (no nested links). */
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

/** Anything allowed inside paragraph / heading / quote / list-item. */
export type InlineNode = TextNode | LinkNode;

/* ------------------------------------------------------------------ */
/* Block nodes                                                         */
/* ------------------------------------------------------------------ */

export interface ParagraphBlock {
  type: 'paragraph';
  children: InlineNode[];
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  children: InlineNode[];
}

export interface QuoteBlock {
  type: 'quote';
  children: InlineNode[];
}

/**
 * Code block. The editor stores the selected language (default
 * 'plaintext'); older content may omit it or have null.
 * Children are plain text leaves (no links).
 */
export interface CodeBlock {
  type: 'code';
  language?: string | null;
  children: TextNode[];
}

export interface ListItemNode {
  type: 'list-item';
  children: InlineNode[];
}

export type ListFormat = 'ordered' | 'unordered';

/**
 * List. Nested lists appear as `list` nodes among the children; the editor
 * sets `indentLevel` (0 = top level, may be absent) on nested lists.
 */
export interface ListBlock {
  type: 'list';
  format: ListFormat;
  indentLevel?: number;
  children: Array<ListItemNode | ListBlock>;
}

/**
 * Media file embedded by an image block — a snapshot of the upload-plugin
 * file at insertion time. `url`, `width`, `height` are what a renderer needs;
 * Strapi's validator additionally requires name, hash, ext, mime, size,
 * provider, createdAt and updatedAt when *saving* content, so they are
 * optional here to keep hand-written fixtures/renderer input lightweight.
 */
export interface BlocksImage {
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  width: number;
  height: number;
  name?: string;
  formats?: Record<string, BlocksImageFormat> | null;
  hash?: string;
  ext?: string;
  mime?: string;
  /** KB, as stored by the upload plugin. */
  size?: number;
  previewUrl?: string | null;
  provider?: string;
  provider_metadata?: unknown;
  createdAt?: string;
  updatedAt?: string;
}

/** One responsive variant (thumbnail/small/medium/large) of an image. */
export interface BlocksImageFormat {
  url: string;
  width: number;
  height: number;
  name?: string;
  hash?: string;
  ext?: string;
  mime?: string;
  size?: number;
  path?: string | null;
  sizeInBytes?: number;
}

/**
 * Image block. Void element: the editor always stores a single empty text
 * child (`[{ type: 'text', text: '' }]`), which renderers should ignore.
 */
export interface ImageBlock {
  type: 'image';
  image: BlocksImage;
  children: TextNode[];
}

/** Any node allowed at the root of a blocks value. */
export type BlockNode =
  | ParagraphBlock
  | HeadingBlock
  | QuoteBlock
  | ListBlock
  | CodeBlock
  | ImageBlock;

/** Any element (non-leaf) node at any depth. */
export type ElementNode = BlockNode | ListItemNode | LinkNode;

/** Any node at any depth, including text leaves. */
export type AnyBlocksNode = ElementNode | TextNode;

/** The value of a Strapi 5 `blocks` attribute. */
export type BlocksContent = BlockNode[];
