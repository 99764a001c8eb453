#!/usr/bin/env node
// Runs the `reestr` command from the TypeScript sources of the checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
