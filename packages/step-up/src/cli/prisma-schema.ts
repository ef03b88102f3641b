import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CliError } from "./cli-error";

/**
 * Just enough of Prisma's schema language to refuse a schema that does not parse (before anything is
 * written) and to read the datasource provider and the model names. `prisma validate` would need the
 * network offline when the schema is broken (a query engine download), so init reads the text itself.
 */
export interface SchemaFile {
  file: string;
  text: string;
}

export interface ParsedSchema {
  files: SchemaFile[];
  /** The datasource's provider, e.g. "sqlite"; null when no file has a datasource. */
  provider: string | null;
  models: string[];
  /** Every block with where it is (0-based line indexes of its opening line and its `}`) and its field names. */
  blocks: SchemaBlock[];
}

export interface SchemaBlock {
  kind: string;
  name: string;
  file: string;
  start: number;
  end: number;
  /** The first word of each line inside the block (fields, and `@@map` etc.). */
  fields: string[];
}

const BLOCK = /^(model|enum|datasource|generator|type|view)\s+([A-Za-z_]\w*)\s*\{$/;

/** The .prisma files of a schema path: the file itself, or every .prisma file under the folder. */
export function readSchemaFiles(schemaPath: string): SchemaFile[] {
  if (!statSync(schemaPath).isDirectory()) return [{ file: schemaPath, text: readFileSync(schemaPath, "utf8") }];
  return readdirSync(schemaPath, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => path.join(schemaPath, name))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

export function parseSchema(files: SchemaFile[]): ParsedSchema {
  let provider: string | null = null;
  const models: string[] = [];
  const blocks: SchemaBlock[] = [];
  for (const { file, text } of files) {
    let block: { kind: string; name: string; line: number; fields: string[] } | null = null;
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = stripStringsAndComments(raw).trim();
      const where = `${file}:${index + 1}`;
      if (line === "") return;
      if (!block) {
        const match = BLOCK.exec(line);
        if (!match)
          throw new CliError(
            `${where}: cannot parse "${raw.trim()}" (a block such as \`model Name {\` must start the line, and its fields go on the lines below).`,
          );
        block = { kind: match[1]!, name: match[2]!, line: index + 1, fields: [] };
        if (block.kind === "model") models.push(block.name);
      } else if (line === "}") {
        blocks.push({ ...block, file, start: block.line - 1, end: index });
        block = null;
      } else if (/[{}]/.test(line))
        throw new CliError(`${where}: cannot parse "${raw.trim()}" (one field per line; \`}\` alone on its line).`);
      else if (block.kind === "datasource" && /^provider\s*=/.test(line)) {
        const match = /^provider\s*=\s*"([^"]*)"/.exec(raw.trim());
        if (!match) throw new CliError(`${where}: the datasource provider must be a string, e.g. provider = "sqlite".`);
        provider = match[1]!;
      } else block.fields.push(/^@*[\w.]+/.exec(line)?.[0] ?? line);
    });
    const open = block as { kind: string; name: string; line: number } | null;
    if (open) throw new CliError(`${file}:${open.line}: \`${open.kind} ${open.name} {\` is never closed.`);
  }
  return { files, provider, models, blocks };
}

/** The line with string contents and `//` comments removed, so braces inside them do not count. */
function stripStringsAndComments(line: string): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === "\\") i++;
    else if (char === '"') {
      quoted = !quoted;
      out += char;
    } else if (quoted) continue;
    else if (char === "/" && line[i + 1] === "/") break;
    else out += char;
  }
  return out;
}
