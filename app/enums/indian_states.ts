/**
 * States and union territories with their GST state codes (the first two
 * digits of a GSTIN). Shipping addresses must name one of them, because the
 * place of supply decides between CGST+SGST and IGST.
 */
export const INDIAN_STATES = {
  'Jammu and Kashmir': '01',
  'Himachal Pradesh': '02',
  'Punjab': '03',
  'Chandigarh': '04',
  'Uttarakhand': '05',
  'Haryana': '06',
  'Delhi': '07',
  'Rajasthan': '08',
  'Uttar Pradesh': '09',
  'Bihar': '10',
  'Sikkim': '11',
  'Arunachal Pradesh': '12',
  'Nagaland': '13',
  'Manipur': '14',
  'Mizoram': '15',
  'Tripura': '16',
  'Meghalaya': '17',
  'Assam': '18',
  'West Bengal': '19',
  'Jharkhand': '20',
  'Odisha': '21',
  'Chhattisgarh': '22',
  'Madhya Pradesh': '23',
  'Gujarat': '24',
  'Dadra and Nagar Haveli and Daman and Diu': '26',
  'Maharashtra': '27',
  'Karnataka': '29',
  'Goa': '30',
  'Lakshadweep': '31',
  'Kerala': '32',
  'Tamil Nadu': '33',
  'Puducherry': '34',
  'Andaman and Nicobar Islands': '35',
  'Telangana': '36',
  'Andhra Pradesh': '37',
  'Ladakh': '38',
} as const

export type IndianState = keyof typeof INDIAN_STATES

// Older or common spellings people type into addresses.
const ALIASES: Record<string, string> = {
  orissa: 'odisha',
  pondicherry: 'puducherry',
  newdelhi: 'delhi',
  nctofdelhi: 'delhi',
  uttaranchal: 'uttarakhand',
  jk: 'jammuandkashmir',
  damananddiu: 'dadraandnagarhavelianddamananddiu',
  dadraandnagarhaveli: 'dadraandnagarhavelianddamananddiu',
  andamanandnicobar: 'andamanandnicobarislands',
}

/** Spelling-insensitive key: case, spaces, punctuation and "&" do not matter. */
export function stateKey(name: string) {
  const compact = name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '')
  return ALIASES[compact] ?? compact
}

const BY_KEY = new Map(
  Object.keys(INDIAN_STATES).map((name) => [stateKey(name), name as IndianState])
)
const BY_CODE = new Map(
  Object.entries(INDIAN_STATES).map(([name, code]) => [code as string, name as IndianState])
)

/** The canonical spelling of a state however it was typed ("tamilnadu", "Orissa"), or undefined. */
export function canonicalState(name: string) {
  return BY_KEY.get(stateKey(name))
}

export function stateForGstCode(code: string) {
  return BY_CODE.get(code)
}

export function gstCodeForState(name: string) {
  const state = canonicalState(name)
  return state ? INDIAN_STATES[state] : undefined
}
