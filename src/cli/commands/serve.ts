import {spawn} from 'node:child_process'
import {Command, InvalidArgumentError} from 'commander'
import {gitUserName} from '../../engine/actor.js'
import {loadProjectOptions} from '../../engine/project.js'
import {cleanName} from '../../translations/provenance.js'
import {UsageError} from '../../engine/reporter.js'
import {startServer} from '../../serve/server.js'
import {info} from '../report.js'

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a port number from 0 (any free port) to 65535`)
  return n
}

/** The system's way to open an address in the default browser; a failure only means the user opens it. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]]
  try {
    const child = spawn(command as string, args as string[], {stdio: 'ignore', detached: true})
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No browser to open: the address is printed.
  }
}

export function serveCommand(): Command {
  return new Command('serve')
    .description("the translator's editor: a web page on this machine to translate, review and check segments")
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', parsePort, 4000)
    .option('--lang <lng>', "the translator's language: the page's words and the language it opens with")
    .option('--no-open', 'print the address and do not open a browser')
    .option('--translator <name>', 'who the saves are recorded as made by (default: `git config user.name`)')
    .addHelpText('after', '\nStops on Ctrl+C. The address holds a secret token: do not share it.\n\nExamples:\n  npx concord serve --lang mn\n  npx concord serve --port 4100 --no-open')
    .action(async (opts: {port: number; lang?: string; open: boolean; translator?: string}) => {
      const root = process.cwd()
      const options = loadProjectOptions(root)
      if (opts.lang !== undefined && opts.lang !== options.sourceLanguage && !options.languages.includes(opts.lang)) {
        throw new UsageError(`Unexpected language \`${opts.lang}\`, expected one of ${[options.sourceLanguage, ...options.languages].map((l) => `\`${l}\``).join(', ')}`)
      }
      const name = opts.translator === undefined ? gitUserName(root) : cleanName(opts.translator)
      const translator = name === undefined ? undefined : {name, ...(process.env.SOURCE_DATE_EPOCH === undefined ? {} : {sourceDateEpoch: process.env.SOURCE_DATE_EPOCH})}
      const serving = await startServer({root, port: opts.port, ...(opts.lang === undefined ? {} : {language: opts.lang}), ...(translator ? {translator} : {})}).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') throw new UsageError(`Unexpected port ${opts.port} in use, expected a free port; choose another with \`--port <n>\``)
          throw error
        }
      )
      // The address on stdout (for scripts), the rest on stderr.
      process.stdout.write(`${serving.url}\n`)
      info(`serve: editing ${root} at the address above; Ctrl+C to stop`)
      if (opts.open) openBrowser(serving.url)
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          info('serve: stopping')
          // Saves are synchronous: none is half done when a signal is handled. Connections that linger do not hold the exit.
          setTimeout(() => process.exit(0), 3000).unref()
          void serving.close().then(done)
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
