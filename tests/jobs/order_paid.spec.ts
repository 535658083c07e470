import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAdmin, createCustomer, tokenFor } from '#tests/helpers/users'
import {
  createGstSeller,
  createPaidOrder,
  pdfToText,
  recordEvent,
  useBackground,
} from '#tests/helpers/jobs'

test.group('Jobs / order paid → invoices and mails', (group) => {
  const background = useBackground(group)

  test('a paid two-seller order gets GST invoices, a confirmation with the PDF and one mail per seller', async ({
    assert,
    client,
  }) => {
    const customer = await createCustomer()
    const local = await createGstSeller('Karnataka', '29', 'Mysore Silks')
    const remote = await createGstSeller('Maharashtra', '27', 'Pune Prints')
    const order = await createPaidOrder({
      customer,
      shippingState: 'Karnataka',
      shippingPaise: 4900,
      lines: [
        { seller: local, title: 'Silk saree', unitPricePaise: 118_001, quantity: 1, gstRate: 18 },
        { seller: local, title: 'Cotton dupatta', unitPricePaise: 52_500, quantity: 2, gstRate: 5 },
        {
          seller: remote,
          title: 'Block print kurti',
          unitPricePaise: 99_900,
          quantity: 1,
          gstRate: 12,
        },
      ],
    })

    await recordEvent('order.paid', { orderId: order.id })
    const mails = await background.catcher.waitFor(3, 45_000)

    const bySubject = (part: string) => mails.filter((m) => m.subject?.includes(part))
    const sellerMails = bySubject('New order')
    assert.lengthOf(sellerMails, 2)
    const localMail = sellerMails.find((m) => m.to && JSON.stringify(m.to).includes(local.email))!
    const remoteMail = sellerMails.find((m) => m.to && JSON.stringify(m.to).includes(remote.email))!
    // Each seller sees only its own items.
    assert.include(localMail.text!, 'Silk saree')
    assert.notInclude(localMail.text!, 'Block print kurti')
    assert.include(remoteMail.text!, 'Block print kurti')
    assert.notInclude(remoteMail.text!, 'Silk saree')

    const [confirmation] = bySubject(`Order ${order.number} confirmed`)
    assert.include(JSON.stringify(confirmation.to), customer.email)
    assert.include(confirmation.html as string, 'Total paid')
    assert.lengthOf(confirmation.attachments, 1)
    assert.equal(confirmation.attachments[0].contentType, 'application/pdf')
    assert.equal(confirmation.attachments[0].filename, `Invoice-${order.number}.pdf`)

    const invoices = await db.from('invoices').where('order_id', order.id).orderBy('seller_id')
    assert.deepEqual(
      invoices.map((i) => i.number),
      ['INV/26-27/000001', 'INV/26-27/000001']
    )
    // The invoices add up to what the customer paid, to the paisa.
    assert.equal(
      invoices.reduce((sum, i) => sum + i.total_paise, 0),
      118_001 + 105_000 + 99_900 + 4900
    )

    const text = await pdfToText(confirmation.attachments[0].content)
    const [localPage, remotePage] = text.split('\f')
    // Intra-state (Karnataka → Karnataka): CGST + SGST, odd paisa to SGST.
    // Saree: taxable round(118001 × 100 / 118) = 100001, tax 18000 → 9000 + 9000.
    // Dupattas: 105000 → taxable 100000, tax 5000 → 2500 + 2500.
    // Shipping 4900 at the principal line's 18 %: taxable 4153, tax 747 → 373 + 374.
    assert.include(localPage, 'TAX INVOICE')
    assert.include(localPage, 'INV/26-27/000001')
    assert.include(localPage, local.sellerProfile.gstin!)
    assert.include(localPage, 'Mysore Silks')
    assert.match(localPage, /CGST\s+SGST/)
    assert.notInclude(localPage, 'IGST')
    assert.include(localPage, 'Shipping charges')
    assert.include(localPage, '₹2,041.54') // taxable 100001 + 100000 + 4153 paise
    assert.include(localPage, '₹118.73') // CGST 9000 + 2500 + 373
    assert.include(localPage, '₹118.74') // SGST 9000 + 2500 + 374
    assert.include(localPage, '₹2,279.01')
    assert.include(
      localPage.replace(/\s+/g, ' '),
      'Rupees Two Thousand Two Hundred Seventy Nine and One Paisa Only'
    )
    assert.include(localPage, 'Karnataka (29)')

    // Inter-state (Maharashtra → Karnataka): IGST only. 99900 at 12 %: taxable 89196, tax 10704.
    assert.include(remotePage, 'Pune Prints')
    assert.include(remotePage, remote.sellerProfile.gstin!)
    assert.include(remotePage, 'IGST')
    assert.notInclude(remotePage, 'CGST')
    assert.include(remotePage, '₹891.96')
    assert.include(remotePage, '₹107.04')
    assert.include(remotePage, '₹999.00')
    assert.include(remotePage.replace(/\s+/g, ' '), 'Rupees Nine Hundred Ninety Nine Only')

    // The customer downloads the same document through the API.
    const response = await client
      .get(`/api/orders/${order.id}/invoice`)
      .bearerToken(await tokenFor(customer))
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.include(response.header('content-disposition')!, `Invoice-${order.number}.pdf`)
    const downloaded = await pdfToText(response.body() as Buffer)
    assert.include(downloaded, 'INV/26-27/000001')

    const admin = await client
      .get(`/api/orders/${order.id}/invoice`)
      .bearerToken(await tokenFor(await createAdmin()))
    admin.assertStatus(200)
    const stranger = await client
      .get(`/api/orders/${order.id}/invoice`)
      .bearerToken(await tokenFor(await createCustomer()))
    stranger.assertStatus(404)
    stranger.assertAgainstApiSpec()

    // Nothing else was sent (no duplicates).
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(background.catcher.messages, 3)
    assert.equal(Number((await db.from('sent_mails').count('* as c'))[0].c), 3)
  })
})
