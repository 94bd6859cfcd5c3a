import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser';

// The API documentation page (Swagger UI) runs its scripts and styles under the server's
// Content-Security-Policy: it lists the operations and opens one, with no violation reported.
describeInBrowser('the API documentation page', (e2e) => {
  it('lists the operations and opens one under the Content-Security-Policy', async () => {
    const page = await e2e().newPage();
    const res = await page.goto('/docs');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: /Rapport API/ }).waitFor();

    const listLanguages = page.getByRole('button', { name: /^GET\s*\/api\/v1\/languages\s/ }).first();
    await listLanguages.waitFor();
    expect(await page.getByRole('button', { name: /^POST\s*\/api\/v1\/interactions\s/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^GET\s*\/healthz/ }).count()).toBeGreaterThan(0);

    // opening an operation renders its parameters and responses (scripts and styles at work)
    await listLanguages.click();
    await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
    await page.getByRole('heading', { name: 'Responses' }).first().waitFor();

    expect(e2e().cspViolations()).toEqual([]);
  });
});
