import type { ParsedMail } from 'mailparser'

export interface MailCatcher {
  messages: ParsedMail[]
  clear(): void
  greylist(address: string): void
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

export function startMailCatcher(options: {
  host?: string
  port: number
  saveDir?: string | null
  quiet?: boolean
  greylist?: string[]
}): Promise<MailCatcher>
