import { generate } from './generator.ts';
import { parseArgs, stringArg } from './lib/args.ts';
import { resolveTarget } from './lib/target.ts';

const usage = `Usage: npm run bench:data -- --scale national|region|small [--db pglite|postgres] [--url postgres://…] [--data-dir dir]
                                                    [--only part,part]

Drops and recreates the bench database (its name must contain "bench"), then fills it deterministically.
--only keeps the database, applies new migrations and runs just those parts (e.g. a new capability's).
Defaults: --db postgres for national and region (database valfardsnavet_bench_<scale> on ${'postgres://postgres@127.0.0.1:5432'}),
PGlite in bench/.data/<scale> for small.`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(usage);
    return;
  }
  const only = stringArg(args, 'only')?.split(',').filter(Boolean);
  await generate(resolveTarget(args), console.log, only);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(`\n${usage}`);
  process.exit(1);
});
