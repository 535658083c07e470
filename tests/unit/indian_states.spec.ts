import { test } from '@japa/runner'
import { canonicalState, gstCodeForState, stateForGstCode } from '#enums/indian_states'

test.group('Indian states', () => {
  test('states are recognised however they are typed', ({ assert }) => {
    assert.equal(canonicalState('karnataka'), 'Karnataka')
    assert.equal(canonicalState('  TAMIL   NADU '), 'Tamil Nadu')
    assert.equal(canonicalState('Tamilnadu'), 'Tamil Nadu')
    assert.equal(canonicalState('Orissa'), 'Odisha')
    assert.equal(canonicalState('New Delhi'), 'Delhi')
    assert.equal(canonicalState('Jammu & Kashmir'), 'Jammu and Kashmir')
    assert.isUndefined(canonicalState('Atlantis'))
  })

  test('GST state codes go both ways', ({ assert }) => {
    assert.equal(gstCodeForState('Maharashtra'), '27')
    assert.equal(stateForGstCode('29'), 'Karnataka')
    assert.isUndefined(stateForGstCode('25'))
  })
})
