import {readFileSync} from 'node:fs'
import {Command, CommanderError} from 'commander'
import {VFileMessage} from 'vfile-message'
import {commands} from './commands/index.js'
import {packageFile} from '../engine/io.js'
import {endSession} from '../engine/session.js'
import {info, reportFailure} from './report.js'
import {installSession} from './session-hooks.js'

/**
 * The CLI shell: parses arguments, runs a command, maps failures to exit codes.
 * 0 ok; 1 content errors (messages as `path:line:col: reason [rule]`); 2 usage errors; 3 internal errors.
 */
export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`concord status --json | head`) closes the pipe: what is left to print has
  // nowhere to go, and the command finishes its work quietly instead of dying with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  // `segment` redoes its work when a file it read changed before it could commit (see session.ts); the others say so and stop.
  for (let attempt = 1; ; attempt++) {
    const code = await runOnce(argv, argv[0] === 'segment' && attempt < 3)
    if (code !== RETRY) return code
    info('segment: a file changed while it ran; segmenting again from the files as they are now')
  }
}

const RETRY = -1

async function runOnce(argv: string[], mayRetry: boolean): Promise<number> {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {version: string}
  const program = new Command('concord')
    .description('Concord: stable segment IDs, translation tracking, aligned editions and coverage for multilingual documents')
    .version(pkg.version)
    .showHelpAfterError('(run `concord --help` for usage)')
    .exitOverride()
  for (const make of commands) program.addCommand(make().exitOverride())
  installSession(program)
  try {
    await program.parseAsync(argv, {from: 'user'})
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2
    }
    if (mayRetry && error instanceof VFileMessage && error.ruleId === 'changed-since-read') return RETRY
    return reportFailure(error)
  } finally {
    endSession()
  }
}

// Not a top-level await: the CLI bundle this is the entry of is CommonJS (see main.ts).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
