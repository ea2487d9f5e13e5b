import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** One test file's wall time: from the start of its run to its end, its beforeAll/afterAll hooks (bring-ups) included. */
export interface FileTime {
  file: string;
  startedAt: number;
  endedAt: number;
  seconds: number;
}

/**
 * A vitest reporter that writes each test file's wall time to `outputFile` (JSON, rewritten after every file,
 * so a run cut short keeps what it measured). vitest's JSON report times a file's tests only, which leaves out
 * the bring-ups in beforeAll hooks and a control's whole child run.
 */
export class FileTimesReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly times: FileTime[] = [];

  constructor(private readonly outputFile: string) {}

  onTestModuleStart(m: TestModule): void {
    this.started.set(m.moduleId, Date.now());
  }

  onTestModuleEnd(m: TestModule): void {
    const endedAt = Date.now();
    const startedAt = this.started.get(m.moduleId) ?? endedAt;
    this.times.push({ file: m.relativeModuleId, startedAt, endedAt, seconds: Math.round((endedAt - startedAt) / 1000) });
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify(this.times, null, 2));
  }
}
