import pkg from '../package.json' with { type: 'json' };

export const version: string = pkg.version;
/** Written as the PDF's Creator and Producer. */
export const generator = `briefpress ${version}`;
