import {Command} from 'commander'
import {RULES, ruleAnchor, type Rule, type RuleId} from '../../core/rules.js'

/** One rule as `concord rules --json` prints it: the catalog entry with its ID and README anchor. */
export interface RuleListing extends Rule {
  id: RuleId
  docs: string
}

/** The catalog in its own order (pipeline stage by stage), as the README table lists it. */
export function ruleListing(): RuleListing[] {
  return (Object.keys(RULES) as RuleId[]).map((id) => ({id, ...RULES[id], docs: `README.md#${ruleAnchor(id)}`}))
}

/**
 * `concord rules`: what a `[rule-id]` at the end of a message means, without
 * a project, so it works anywhere (a CI log, another checkout).
 */
export function rulesCommand(): Command {
  return new Command('rules')
    .description('list every rule ID Concord reports, with its severity, stage and meaning')
    .option('--json', 'print [{"id", "severity", "stage", "summary", "docs"}] and nothing else on stdout')
    .addHelpText(
      'after',
      '\nErrors stop a command (exit 1); warnings and info are printed and the command goes on.\n\nExamples:\n  npx concord rules\n  npx concord rules --json > rules.json'
    )
    .action((opts: {json?: boolean}) => {
      const rules = ruleListing()
      if (opts.json) {
        process.stdout.write(JSON.stringify(rules, null, 2) + '\n')
        return
      }
      const idWidth = Math.max(...rules.map((r) => r.id.length))
      const stageWidth = Math.max(...rules.map((r) => r.stage.length))
      const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.stage.padEnd(stageWidth)}  ${r.summary}`)
      process.stdout.write(lines.join('\n') + '\n')
    })
}
