import { buildProgram } from './program';

// `--version` is the program's only when it stands alone: `record-document --version 1` is the
// document's version.
const [, , first, ...rest] = process.argv;
if ((first === '--version' || first === '-V') && rest.length === 0) process.stdout.write('0.1.0\n');
else await buildProgram().parseAsync(process.argv);
