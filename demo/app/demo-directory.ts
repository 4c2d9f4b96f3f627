import type { AuditNameEntry, AuditNameResolver } from '../../src/components/index.js';

/**
 * The demo's stand-in for a host's user and resource directory: the seeded people
 * (`alice@acme.example`) and resources (`pro-1234`) get names, answered after a short wait
 * as a real directory's API would. Each tenant's directory knows only its own people.
 */
const SURNAMES: Record<string, string> = {
  alice: 'Archer',
  bob: 'Baker',
  carol: 'Chen',
  dave: 'Dubois',
  erin: 'Eriksen',
  frank: 'Fischer',
  grace: 'Garcia',
  heidi: 'Hoffmann',
  ivan: 'Ivanov',
  judy: 'Jones',
  mallory: 'Moreau',
  niaj: 'Nakamura',
  olivia: 'Okafor',
  peggy: 'Patel',
  rupert: 'Rossi',
  sybil: 'Svensson',
  trent: 'Tanaka',
  victor: 'Varga',
  walter: 'Weber',
  yuki: 'Yamamoto',
};

const PROJECTS = ['Apollo', 'Gemini', 'Mercury', 'Artemis', 'Voyager', 'Pioneer', 'Viking'];
const CUSTOMERS = ['Initrode', 'Umbrella Corp', 'Hooli', 'Vandelay Industries', 'Soylent'];
const KINDS: Record<string, string> = {
  inv: 'Invoice',
  doc: 'Document',
  rep: 'Report',
  use: 'User account',
  api: 'API key',
  rol: 'Role',
  sub: 'Subscription',
  pay: 'Payment',
  ses: 'Session',
  set: 'Settings',
  dat: 'Database',
};

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const answerLater = <T>(value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), 80));

function person(id: string, tenantId: string | null): AuditNameEntry | undefined {
  const [first, domain] = id.split('@');
  const surname = first === undefined ? undefined : SURNAMES[first];
  if (!surname || domain !== `${tenantId}.example`) return undefined;
  return {
    name: `${capital(first!)} ${surname}`,
    href: `https://directory.example/${tenantId}/people/${first}`,
  };
}

function resource(id: string): AuditNameEntry | undefined {
  const match = /^([a-z]{3})-(\d{4})$/.exec(id);
  if (!match) return undefined;
  const [, kind, digits] = match;
  const n = Number(digits);
  if (kind === 'pro') return { name: `Project ${PROJECTS[n % PROJECTS.length]} ${n}` };
  if (kind === 'cus') return { name: `${CUSTOMERS[n % CUSTOMERS.length]} (${n})` };
  const label = KINDS[kind!];
  return label ? { name: `${label} #${n}` } : undefined;
}

export const demoActors: AuditNameResolver = (ids, { tenantId }) =>
  answerLater(Object.fromEntries(ids.map((id) => [id, person(id, tenantId)])));

export const demoResources: AuditNameResolver = (ids) =>
  answerLater(Object.fromEntries(ids.map((id) => [id, resource(id)])));
