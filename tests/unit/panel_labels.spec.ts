import { test } from '@japa/runner'
import { labelFields } from '#controllers/panel/support/forms'

test.group('Panel field labels', () => {
  test('API field names in a message become the form labels, whole words only', ({ assert }) => {
    assert.equal(
      labelFields('mrp_paise must not be below price_paise'),
      'MRP must not be below price'
    )
    assert.equal(
      labelFields('The selected category_id is invalid'),
      'The selected category is invalid'
    )
    assert.equal(labelFields('gstin is taken'), 'GSTIN is taken')
    assert.equal(labelFields('price_paise is too low'), 'Price is too low')
    assert.equal(
      labelFields('max_price must not be below min_price'),
      'max_price must not be below min_price'
    )
    assert.equal(labelFields('Your cart is empty'), 'Your cart is empty')
  })
})
