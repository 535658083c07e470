import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  {
    ignores: ['build/**', 'storage/**', 'tmp/**', 'bench/results/**', 'public/**'],
  },
  {
    rules: {
      // `(await client.get(url)).assertStatus(200)` reads fine in tests and queries.
      '@unicorn/no-await-expression-member': 'off',
    },
  }
)
