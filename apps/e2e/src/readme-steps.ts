/** A file a README tells the user to write: its path in the app, and its whole content. */
export interface ReadmeFile {
  path: string;
  content: string;
}

/** What one section of a package README tells a user to do. */
export interface ReadmeSection {
  heading: string;
  /** Packages of its `pnpm add` lines. */
  packages: string[];
  /** Code blocks whose fence names a path (```tsx app/layout.tsx): files to write as they are. */
  files: ReadmeFile[];
}

/**
 * Reads a package README as the install test follows it: by section (`##` / `###` headings), the
 * `pnpm add` lines of its shell blocks and the code blocks whose fence carries a file path. Blocks
 * without a path are explanations, not steps.
 */
export function readmeSections(markdown: string): ReadmeSection[] {
  const sections: ReadmeSection[] = [];
  let current: ReadmeSection = { heading: '', packages: [], files: [] };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading) {
      sections.push(current);
      current = { heading: heading[1]!.trim(), packages: [], files: [] };
      continue;
    }
    const fence = /^```(\S*)(?:[ \t]+(\S+))?[ \t]*$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`README: the code block at line ${i + 1} is never closed`);
    const body = lines.slice(i + 1, end);
    i = end;
    if (fence[2]) current.files.push({ path: fence[2], content: `${body.join('\n')}\n` });
    else if (fence[1] === 'sh') {
      for (const command of body.map((l) => l.replace(/\s+#.*$/, '').trim())) {
        const add = /^pnpm add (.+)$/.exec(command);
        if (add) current.packages.push(...add[1]!.split(/\s+/));
      }
    }
  }
  sections.push(current);
  return sections.filter((section) => section.heading || section.files.length || section.packages.length);
}

/** The section under `heading`, which the test needs to exist. */
export function readmeSection(sections: ReadmeSection[], heading: string): ReadmeSection {
  const section = sections.find((s) => s.heading === heading);
  if (!section)
    throw new Error(`README: no section "${heading}" (found: ${sections.map((s) => s.heading).join(', ')})`);
  return section;
}
