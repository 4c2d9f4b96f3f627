import axe from 'axe-core';

/** Accessibility violations axe finds in a rendered container (colour contrast needs layout, which jsdom lacks). */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
