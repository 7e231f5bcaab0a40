import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Lists what makes a domain source impure: non-zod packages, node core modules, environment or process access. */
function violations(text: string): string[] {
  // Comments may mention imports (TSDoc examples); only code counts.
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[1]!;
    if (specifier !== 'zod' && !specifier.startsWith('./') && !specifier.startsWith('../')) {
      found.push(`import "${specifier}"`);
    }
  }
  if (/\bprocess\s*\.|\bprocess\s*\[/.test(source)) found.push('process access');
  if (/\bglobalThis\s*\.\s*process\b/.test(source)) found.push('process access');
  return found;
}

describe('domain purity', () => {
  it('detects framework imports, node modules and environment reads', () => {
    expect(violations(`import { Injectable } from '@nestjs/common';`)).toEqual(['import "@nestjs/common"']);
    expect(violations(`import { readFileSync } from 'node:fs';`)).toEqual(['import "node:fs"']);
    expect(violations(`const r = require('ioredis');`)).toEqual(['import "ioredis"']);
    expect(violations(`const m = await import('undici');`)).toEqual(['import "undici"']);
    expect(violations(`import 'reflect-metadata';`)).toEqual(['import "reflect-metadata"']);
    expect(violations(`const url = process.env.REDIS_URL;`)).toEqual(['process access']);
    expect(violations(`/** import x from 'y' */\n// process.env.X\nconst a = 1;`)).toEqual([]);
    expect(
      violations(`import { z } from 'zod';\nimport { a } from './a';\nimport { b } from '../b';`),
    ).toEqual([]);
  });

  it('keeps every source file in packages/domain/src free of them', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files
      .map((file) => ({ file: relative(SRC, file), found: violations(readFileSync(file, 'utf8')) }))
      .filter((entry) => entry.found.length > 0);
    expect(offenders).toEqual([]);
  });
});
