/**
 * `vm-networking`: the plugin's analyses on the command line. Exit codes: 0 done, 1 an `--expect`
 * did not hold, 2 bad usage or input.
 */
import { UsageError } from './args';
import { POLICY_USAGE, policyCommand, type Io } from './policy';

export const USAGE = `vm-networking: VM networking analyses for OpenShift Virtualization manifests\n\n${POLICY_USAGE}`;

export const main = (argv: string[], io: Io): number => {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'policy') {
      if (rest.includes('--help')) {
        io.stdout.write(POLICY_USAGE);
        return 0;
      }
      return policyCommand(rest, io);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`vm-networking: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const err = e as Error;
    io.stderr.write(`vm-networking: ${err.message}\n`);
    return 2;
  }
};
