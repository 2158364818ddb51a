/**
 * Browser tests drive Debian's chromium (downloaded browsers cannot be fetched on this network).
 * When it is missing and we run as root, install it; otherwise say exactly how.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const ensureChromium = () => {
  const path = chromiumPath();
  if (existsSync(path)) return { ok: true, path };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('chromium is missing: installing Debian chromium with apt-get');
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (install && install.status === 0 && existsSync(path)) return { ok: true, path };
  }
  return {
    ok: false,
    message: `chromium not found at ${path}: install it with \`sudo apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH`,
  };
};
