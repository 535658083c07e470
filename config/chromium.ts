import env from '#start/env'

/**
 * The Chromium the app drives: invoice PDFs in the worker (the browser
 * tests launch the same binary).
 */
const chromiumConfig = {
  executablePath: env.get('CHROMIUM_PATH', '/usr/bin/chromium'),
}

export default chromiumConfig
