import { test } from '@japa/runner'
import {
  amountInWords,
  financialYear,
  formatInr,
  invoiceNumber,
  DOCUMENT_NUMBER_MAX_LENGTH,
  invoiceTotals,
  isIntraState,
  numberInWords,
  sellerState,
  splitInclusive,
  stateCode,
  stateFromGstin,
} from '#services/tax/gst'

test.group('GST / tax inside inclusive prices', () => {
  test('taxable = round(total × 100 / (100 + rate)), tax is the rest', ({ assert }) => {
    assert.deepEqual(splitInclusive(118_000, 18, false), {
      taxable: 100_000,
      tax: 18_000,
      cgst: 0,
      sgst: 0,
      igst: 18_000,
    })
    // 99900 at 12 %: 89196.43 → 89196, tax 10704.
    assert.deepEqual(splitInclusive(99_900, 12, false), {
      taxable: 89_196,
      tax: 10_704,
      cgst: 0,
      sgst: 0,
      igst: 10_704,
    })
    // 21 at 5 % is exactly 20.
    assert.equal(splitInclusive(21, 5, true).taxable, 20)
    // 3 at 28 %: 2.34 → 2; 5 at 18 %: 4.237 → 4; 53 at 12 %: 47.32 → 47.
    assert.equal(splitInclusive(3, 28, true).taxable, 2)
    assert.equal(splitInclusive(5, 18, true).taxable, 4)
    assert.equal(splitInclusive(53, 12, true).taxable, 47)
    assert.equal(splitInclusive(0, 28, true).tax, 0)
    assert.deepEqual(splitInclusive(50_000, 0, true), {
      taxable: 50_000,
      tax: 0,
      cgst: 0,
      sgst: 0,
      igst: 0,
    })
  })

  test('rounds exact half paise up', ({ assert }) => {
    // 16 × 100 / 128 = 12.5 → 13; 1156 × 100 / 105 = 1100.95 → 1101; 1155 → 1100 exactly.
    assert.equal(splitInclusive(16, 28, false).taxable, 13)
    assert.equal(splitInclusive(1156, 5, false).taxable, 1101)
    assert.equal(splitInclusive(1155, 5, false).taxable, 1100)
  })

  test('intra-state halves go to CGST and SGST, the odd paisa to SGST', ({ assert }) => {
    // 4900 at 18 %: taxable 4153, tax 747 → 373 + 374.
    assert.deepEqual(splitInclusive(4900, 18, true), {
      taxable: 4153,
      tax: 747,
      cgst: 373,
      sgst: 374,
      igst: 0,
    })
  })

  test('rejects fractional or negative paise', ({ assert }) => {
    assert.throws(() => splitInclusive(10.5, 18, true))
    assert.throws(() => splitInclusive(-1, 18, true))
  })

  test('invoice totals are sums of the lines and add up to the paisa', ({ assert }) => {
    const lines = [
      { description: 'A', quantity: 3, unitPricePaise: 33_333, lineTotalPaise: 99_999, gstRate: 5 },
      { description: 'B', quantity: 1, unitPricePaise: 1, lineTotalPaise: 1, gstRate: 28 },
      {
        description: 'C',
        quantity: 7,
        unitPricePaise: 14_287,
        lineTotalPaise: 100_009,
        gstRate: 18,
      },
      { description: 'D', quantity: 1, unitPricePaise: 777, lineTotalPaise: 777, gstRate: 18 },
    ]
    for (const intra of [true, false]) {
      const totals = invoiceTotals(lines, intra)
      assert.equal(totals.total, 99_999 + 1 + 100_009 + 777)
      assert.equal(totals.taxable + totals.cgst + totals.sgst + totals.igst, totals.total)
      assert.equal(totals.tax, totals.cgst + totals.sgst + totals.igst)
      for (const line of totals.lines) {
        assert.equal(line.taxable + line.tax, line.lineTotalPaise)
      }
      assert.deepEqual(
        totals.byRate.map((rate) => rate.rate),
        [5, 18, 28]
      )
      assert.equal(
        totals.byRate.reduce((sum, rate) => sum + rate.taxable + rate.tax, 0),
        totals.total
      )
      if (intra) assert.equal(totals.igst, 0)
      else assert.equal(totals.cgst + totals.sgst, 0)
    }
  })
})

test.group('GST / states', () => {
  test('maps GSTIN state codes and state names both ways', ({ assert }) => {
    assert.equal(stateFromGstin('29ABCDE1234F1Z5'), 'Karnataka')
    assert.equal(stateFromGstin('27ABCDE1234F1Z5'), 'Maharashtra')
    assert.isNull(stateFromGstin('99ABCDE1234F1Z5'))
    assert.equal(stateCode('Tamil Nadu'), '33')
    assert.equal(stateCode('tamil  nadu'), '33')
    assert.equal(stateCode('Orissa'), '21')
    assert.equal(stateCode('Jammu & Kashmir'), '01')
    assert.isNull(stateCode('Atlantis'))
  })

  test("a registered seller's state is its GSTIN's; an unregistered one's its address", ({
    assert,
  }) => {
    assert.equal(sellerState('Goa', '29ABCDE1234F1Z5'), 'Karnataka')
    assert.equal(sellerState('Goa', null), 'Goa')
    assert.equal(sellerState(null, '29ABCDE1234F1Z5'), 'Karnataka')
    assert.equal(sellerState('  ', '07ABCDE1234F1Z5'), 'Delhi')
    assert.isNull(sellerState(null, null))
  })

  test('intra-state whatever the spelling; unknown means inter-state', ({ assert }) => {
    assert.isTrue(isIntraState('Karnataka', 'karnataka'))
    assert.isTrue(isIntraState('New Delhi', 'Delhi'))
    assert.isFalse(isIntraState('Karnataka', 'Kerala'))
    assert.isFalse(isIntraState(null, 'Kerala'))
  })
})

test.group('GST / numbers and words', () => {
  test('financial years run April to March in IST', ({ assert }) => {
    assert.equal(financialYear(new Date('2026-04-01T00:00:00+05:30')), '2026-27')
    assert.equal(financialYear(new Date('2026-03-31T23:59:59+05:30')), '2025-26')
    // 31 March 19:00 UTC is already 1 April in India.
    assert.equal(financialYear(new Date('2027-03-31T19:00:00Z')), '2027-28')
    assert.equal(financialYear(new Date('2099-12-01T00:00:00Z')), '2099-00')
  })

  test('invoice numbers fit the 16 characters rule 46(b) allows', ({ assert }) => {
    assert.equal(invoiceNumber('2026-27', 42), 'INV/26-27/000042')
    assert.equal(invoiceNumber('2099-00', 1), 'INV/99-00/000001')
    for (const sequence of [1, 42, 123_456, 999_999]) {
      assert.isAtMost(invoiceNumber('2026-27', sequence).length, DOCUMENT_NUMBER_MAX_LENGTH)
    }
    assert.throws(() => invoiceNumber('2026-27', 1_000_000), /longer than 16/)
  })

  test('rupees with Indian digit grouping', ({ assert }) => {
    assert.equal(formatInr(0), '₹0.00')
    assert.equal(formatInr(5), '₹0.05')
    assert.equal(formatInr(99_900), '₹999.00')
    assert.equal(formatInr(118_050), '₹1,180.50')
    assert.equal(formatInr(11_800_050), '₹1,18,000.50')
    assert.equal(formatInr(1_234_567_890), '₹1,23,45,678.90')
  })

  test('amounts in words use lakh and crore, rupees and paise', ({ assert }) => {
    assert.equal(numberInWords(0), 'Zero')
    assert.equal(numberInWords(15), 'Fifteen')
    assert.equal(numberInWords(100), 'One Hundred')
    assert.equal(numberInWords(100_000), 'One Lakh')
    assert.equal(
      numberInWords(12_345_678),
      'One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight'
    )
    assert.equal(numberInWords(1_000_000_000), 'One Hundred Crore')
    assert.equal(
      amountInWords(118_050),
      'Rupees One Thousand One Hundred Eighty and Fifty Paise Only'
    )
    assert.equal(amountInWords(100), 'Rupees One Only')
    assert.equal(amountInWords(1), 'Rupees Zero and One Paisa Only')
    assert.equal(
      amountInWords(1_050_000_099),
      'Rupees One Crore Five Lakh and Ninety Nine Paise Only'
    )
  })
})
