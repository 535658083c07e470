/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
|
| Money formatting for views, invoices and mails (amounts stay integer
| paise everywhere else).
|
*/
import edge from 'edge.js'
import env from '#start/env'
import { amountInWords, formatInr } from '#services/tax/gst'

edge.global('inr', (paise: number) => formatInr(paise))
edge.global('inWords', (paise: number) => amountInWords(paise))
edge.global('appUrl', env.get('APP_URL'))
