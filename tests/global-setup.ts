import { execFileSync } from 'node:child_process';

/** Integration tests run the built CLI, as users do: build it once before any test file. */
export default function setup(): void {
  execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
}
