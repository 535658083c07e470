import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

const username = env.get('SMTP_USERNAME')

/**
 * One SMTP mailer: the local catcher in development and tests
 * (bin/mail_catcher.js), Mailtrap or any SMTP service elsewhere.
 */
const mailConfig = defineConfig({
  default: 'smtp',
  from: { address: env.get('MAIL_FROM_ADDRESS'), name: env.get('MAIL_FROM_NAME') },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST'),
      port: env.get('SMTP_PORT'),
      // The local catcher speaks plain SMTP; Mailtrap upgrades with STARTTLS when offered.
      secure: false,
      ...(username
        ? { auth: { type: 'login' as const, user: username, pass: env.get('SMTP_PASSWORD', '') } }
        : {}),
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
