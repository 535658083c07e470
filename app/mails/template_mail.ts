import { BaseMail } from '@adonisjs/mail'

export interface TemplateMailOptions {
  to: { address: string; name?: string }
  subject: string
  /** `emails/<template>_html.edge` and `emails/<template>_text.edge`. */
  template: string
  data: Record<string, unknown>
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>
}

/**
 * Every mail the app sends: an HTML and a text version rendered from Edge
 * templates, optional attachments (bytes, since mails are sent from jobs
 * that already hold them, whatever Drive disk they came from).
 */
export default class TemplateMail extends BaseMail {
  constructor(private options: TemplateMailOptions) {
    super()
    this.subject = options.subject
  }

  prepare() {
    const { to, template, data } = this.options
    this.message
      .to(to.address, to.name)
      .htmlView(`emails/${template}_html`, data)
      .textView(`emails/${template}_text`, data)
    for (const file of this.options.attachments ?? []) {
      this.message.attachData(file.content, {
        filename: file.filename,
        contentType: file.contentType,
      })
    }
  }
}
