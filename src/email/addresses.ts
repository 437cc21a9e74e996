import addressparser from 'nodemailer/lib/addressparser';

/**
 * Split and check a list of addresses (`a@x.org, "B" <b@y.org>` or an array of such): each is returned as
 * written. Throws an Error saying which entry is wrong: no `@`, a line break, or a group.
 */
export function addressList(value: string | string[]): string[] {
  const entries = (Array.isArray(value) ? value : [value]).flatMap((item) => splitAddresses(item));
  if (entries.length === 0) throw new Error('expected at least one address');
  return entries;
}

/** One address, e.g. `mail.from`. */
export function singleAddress(value: string): string {
  const [first, ...rest] = addressList(value);
  if (rest.length > 0) throw new Error('expected one address');
  return first!;
}

function splitAddresses(text: string): string[] {
  if (/[\r\n]/.test(text)) throw new Error('an address must not hold a line break');
  return addressparser(text).map((entry) => {
    if (entry.group) throw new Error(`"${entry.name}": address groups are not supported`);
    if (!/^[^\s@]+@[^\s@]+$/.test(entry.address))
      throw new Error(`"${entry.address || entry.name}" is not an email address`);
    return entry.name ? `${JSON.stringify(entry.name)} <${entry.address}>` : entry.address;
  });
}
