import type {Command} from 'commander'
import {segmentCommand} from './segment.js'
import {statusCommand} from './status.js'
import {acceptCommand, reviewCommand} from './accept.js'
import {coverageCommand} from './coverage.js'
import {checkCommand} from './check.js'
import {exportCommand} from './export.js'
import {importCommand} from './import.js'
import {buildCommand} from './build.js'
import {rulesCommand} from './rules.js'
import {suggestCommand} from './suggest.js'
import {serveCommand} from './serve.js'

/** Every CLI command, in the order `concord --help` lists them. Add a command by adding its factory here. */
export const commands: Array<() => Command> = [
  segmentCommand,
  statusCommand,
  acceptCommand,
  reviewCommand,
  buildCommand,
  coverageCommand,
  checkCommand,
  exportCommand,
  importCommand,
  suggestCommand,
  rulesCommand,
  serveCommand
]
