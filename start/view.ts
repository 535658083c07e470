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
import { appUrl } from '#config/app'
import { amountInWords, formatInr } from '#services/tax/gst'

edge.global('inr', (paise: number) => formatInr(paise))
edge.global('inWords', (paise: number) => amountInWords(paise))
edge.global('appUrl', appUrl)
