import {readFileSync} from 'node:fs'
import {Command, CommanderError} from 'commander'
import {commands} from './commands/index.js'
import {packageFile} from '../engine/io.js'
import {reportFailure} from './report.js'

/**
 * The CLI shell: parses arguments, runs a command, maps failures to exit codes.
 * 0 ok; 1 content errors (messages as `path:line:col: reason [rule]`); 2 usage errors; 3 internal errors.
 */
export async function main(argv: string[]): Promise<number> {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {version: string}
  const program = new Command('concord')
    .description('Concord: stable segment IDs, translation tracking, aligned editions and coverage for multilingual documents')
    .version(pkg.version)
    .showHelpAfterError('(run `concord --help` for usage)')
    .exitOverride()
  for (const make of commands) program.addCommand(make().exitOverride())
  try {
    await program.parseAsync(argv, {from: 'user'})
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2
    }
    return reportFailure(error)
  }
}

// Not a top-level await: the CLI bundle this is the entry of is CommonJS (see main.ts).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
