import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints a throw-away file placed inside a project with the workspace's ESLint, as `npm run lint` does. */
async function boundaryErrors(projectDir: string, source: string): Promise<string[]> {
  const file = join(root, projectDir, `boundary-probe-${process.pid}.ts`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--format', 'json', file], {
      cwd: root,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
    return result.messages
      .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
      .map((message) => message.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries', () => {
  jest.setTimeout(120_000);

  it('fails lint when a web lib imports a server lib', async () => {
    const errors = await boundaryErrors(
      'libs/shared/web-core/src/lib',
      `import { loadConfig } from '@thuchoc/shared/api-core';\nexport const probe = loadConfig;\n`,
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('platform:web')]));
  });

  it('fails lint when contracts import a Nest library', async () => {
    const errors = await boundaryErrors(
      'libs/identity/contracts/src/lib',
      `import { OutboxService } from '@thuchoc/shared/api-core';\nexport const probe = OutboxService;\n`,
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails lint when a shared lib reaches into a domain', async () => {
    const errors = await boundaryErrors(
      'libs/shared/util/src/lib',
      `import { Role } from '@thuchoc/identity/contracts';\nexport const probe = Role.Admin;\n`,
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('scope:shared')]));
  });

  it('passes lint for an allowed import', async () => {
    const errors = await boundaryErrors(
      'libs/identity/api/src/lib',
      `import { OutboxService } from '@thuchoc/shared/api-core';\nexport const probe = OutboxService;\n`,
    );
    expect(errors).toEqual([]);
  });
});
