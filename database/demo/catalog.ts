import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import User from '#models/user'
import Category from '#models/category'
import Product from '#models/product'
import SellerProfile from '#models/seller_profile'
import ProductImage from '#models/product_image'
import { applyStockChanges } from '#services/inventory/stock'
import type { GstRate } from '#enums/gst_rate'
import { gstinCheckDigit } from '#validators/rules/gstin'
import { stateForGstCode } from '#enums/indian_states'
import { slugify } from '#services/catalog/slug'
import { rememberTitleWords } from '#services/catalog/search_query'
import { placeholderPng } from '#database/demo/placeholder_image'
import { DEMO_PASSWORD } from '#database/demo/users'

type Leaf = {
  name: string
  items: string[]
  styles: string[]
  price: [number, number]
  blurb: string
}
type Root = { name: string; gst: GstRate; description: string; leaves: Leaf[] }

/** The demo category tree and what each leaf sells (titles are built from these words). */
const TREE: Root[] = [
  {
    name: 'Women Ethnic',
    gst: 5,
    description: 'Sarees, kurtis and festive wear from weavers across India',
    leaves: [
      {
        name: 'Sarees',
        items: ['Saree', 'Saree with Blouse Piece'],
        styles: [
          'Cotton',
          'Banarasi Silk',
          'Chiffon',
          'Georgette',
          'Kanjivaram Silk',
          'Linen',
          'Bandhani',
          'Chanderi',
        ],
        price: [399, 3499],
        blurb:
          'A 5.5 m saree with a matching unstitched blouse piece. Dry clean or gentle hand wash.',
      },
      {
        name: 'Kurtis',
        items: ['Kurti', 'Anarkali Kurti', 'A-Line Kurti'],
        styles: ['Cotton', 'Rayon', 'Printed', 'Embroidered', 'Block Print'],
        price: [249, 1299],
        blurb: 'Breathable everyday kurti, sizes S to 3XL, machine washable.',
      },
      {
        name: 'Lehengas',
        items: ['Lehenga Choli'],
        styles: ['Net', 'Velvet', 'Sequinned', 'Silk Blend'],
        price: [999, 4999],
        blurb: 'Semi-stitched lehenga with choli fabric and dupatta for weddings and festivals.',
      },
      {
        name: 'Dupattas',
        items: ['Dupatta'],
        styles: ['Phulkari', 'Bandhani', 'Chanderi', 'Cotton Mul'],
        price: [199, 899],
        blurb: '2.25 m dupatta with tassels, colours as shown.',
      },
    ],
  },
  {
    name: 'Men',
    gst: 5,
    description: 'Shirts, t-shirts and ethnic wear for men',
    leaves: [
      {
        name: 'Shirts',
        items: ['Shirt', 'Casual Shirt', 'Formal Shirt'],
        styles: ['Cotton', 'Linen', 'Checked', 'Denim'],
        price: [349, 1199],
        blurb: 'Slim fit, full sleeves, sizes 38 to 46.',
      },
      {
        name: 'T-Shirts',
        items: ['T-Shirt', 'Polo T-Shirt'],
        styles: ['Cotton', 'Printed', 'Solid', 'Striped'],
        price: [199, 699],
        blurb: 'Bio-washed cotton jersey that keeps its shape.',
      },
      {
        name: 'Kurtas',
        items: ['Kurta', 'Kurta Pyjama Set'],
        styles: ['Cotton', 'Silk Blend', 'Chikankari', 'Khadi'],
        price: [399, 1999],
        blurb: 'Festive kurta with side pockets; pyjama included where stated.',
      },
    ],
  },
  {
    name: 'Kids',
    gst: 5,
    description: 'Clothing and toys for babies and children',
    leaves: [
      {
        name: 'Girls Clothing',
        items: ['Frock', 'Lehenga Set', 'Top and Skirt Set'],
        styles: ['Cotton', 'Party Wear', 'Printed'],
        price: [249, 999],
        blurb: 'Soft fabrics kind to young skin, ages 1 to 12.',
      },
      {
        name: 'Boys Clothing',
        items: ['Kurta Set', 'T-Shirt and Shorts Set', 'Shirt'],
        styles: ['Cotton', 'Printed', 'Denim'],
        price: [249, 899],
        blurb: 'Easy-wear sets for play and occasions, ages 1 to 12.',
      },
      {
        name: 'Toys',
        items: ['Building Blocks', 'Wooden Puzzle', 'Soft Toy'],
        styles: ['Educational', 'Channapatna Wooden', 'Plush'],
        price: [199, 1499],
        blurb: 'Non-toxic colours, for ages 3 and up.',
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    gst: 12,
    description: 'Bedsheets, kitchen tools and decor',
    leaves: [
      {
        name: 'Bedsheets',
        items: ['Double Bedsheet with 2 Pillow Covers', 'Single Bedsheet'],
        styles: ['Jaipuri Cotton', 'Floral Print', 'Microfibre'],
        price: [399, 1499],
        blurb: '144 thread count, colourfast, fits mattresses up to 8 inches.',
      },
      {
        name: 'Kitchen Tools',
        items: ['Vegetable Chopper', 'Steel Kadai', 'Spice Box'],
        styles: ['Stainless Steel', 'Non-Stick', 'Wooden'],
        price: [199, 1799],
        blurb: 'Built for Indian kitchens; dishwasher safe unless stated.',
      },
      {
        name: 'Home Decor',
        items: ['Wall Hanging', 'Table Lamp', 'Cushion Covers (Set of 5)'],
        styles: ['Macrame', 'Brass', 'Madhubani', 'Jute'],
        price: [249, 2499],
        blurb: 'Handmade by artisans; small variations are part of the charm.',
      },
    ],
  },
  {
    name: 'Beauty',
    gst: 18,
    description: 'Makeup and skincare',
    leaves: [
      {
        name: 'Makeup',
        items: ['Matte Lipstick', 'Kajal', 'Compact Powder'],
        styles: ['Long Lasting', 'Smudge Proof', 'Herbal'],
        price: [99, 699],
        blurb: 'Dermatologically tested, cruelty free.',
      },
      {
        name: 'Skincare',
        items: ['Face Wash', 'Sunscreen SPF 50', 'Aloe Vera Gel'],
        styles: ['Neem', 'Vitamin C', 'Ayurvedic'],
        price: [149, 799],
        blurb: 'Suits all skin types; patch test before first use.',
      },
    ],
  },
  {
    name: 'Jewellery',
    gst: 12,
    description: 'Fashion and traditional jewellery',
    leaves: [
      {
        name: 'Earrings',
        items: ['Jhumka Earrings', 'Chandbali Earrings', 'Stud Earrings'],
        styles: ['Oxidised Silver', 'Gold Plated', 'Kundan', 'Pearl'],
        price: [149, 999],
        blurb: 'Nickel free, lightweight for all-day wear.',
      },
      {
        name: 'Necklaces',
        items: ['Necklace Set', 'Choker Set', 'Mangalsutra'],
        styles: ['Kundan', 'Temple', 'American Diamond', 'Gold Plated'],
        price: [299, 2499],
        blurb: 'With matching earrings where stated; comes in a gift box.',
      },
    ],
  },
  {
    name: 'Mobile Accessories',
    gst: 18,
    description: 'Cases, chargers and audio',
    leaves: [
      {
        name: 'Phone Cases',
        items: ['Back Cover', 'Flip Cover'],
        styles: ['Silicone', 'Transparent', 'Printed', 'Leather'],
        price: [99, 499],
        blurb: 'Precise cut-outs and raised edges that protect the camera.',
      },
      {
        name: 'Chargers & Cables',
        items: ['Fast Charger 20W', 'Type-C Cable 1m', 'Power Bank 10000mAh'],
        styles: ['Braided', 'BIS Certified', 'Compact'],
        price: [199, 1499],
        blurb: 'Six months seller warranty.',
      },
      {
        name: 'Earphones',
        items: ['Wireless Earbuds', 'Wired Earphones', 'Neckband'],
        styles: ['Bass Boost', 'Bluetooth 5.3', 'Noise Cancelling'],
        price: [299, 1999],
        blurb: 'Up to 30 hours of playback with the case.',
      },
    ],
  },
]

const COLOURS = [
  'Red',
  'Maroon',
  'Navy Blue',
  'Mustard',
  'Green',
  'Pink',
  'Black',
  'White',
  'Peach',
  'Teal',
]

export type DemoLeaf = Leaf

/** The demo category tree (idempotent); returns the leaves with what they sell. */
export async function seedDemoCategories() {
  const leaves: {
    category: Category
    leaf: Leaf
    rootIndex: number
    leafIndex: number
    gst: GstRate
  }[] = []
  for (const [rootIndex, root] of TREE.entries()) {
    const parent = await upsertCategory(root.name, null, root.gst, root.description, rootIndex)
    for (const [leafIndex, leaf] of root.leaves.entries()) {
      const category = await upsertCategory(leaf.name, parent, null, leaf.blurb, leafIndex)
      leaves.push({ category, leaf, rootIndex, leafIndex, gst: root.gst })
    }
  }
  return leaves
}

export const DEMO_COLOURS = COLOURS

/** Demo sellers besides the demo login's Jaipur Handloom House. */
const SELLERS = [
  {
    email: 'surat.silks@demo.meesho.local',
    name: 'Hetal Shah',
    business: 'Surat Silk Mills',
    state: '24',
    city: 'Surat',
    pincode: '395003',
    pan: 'AAFCS',
  },
  {
    email: 'tirupur.knits@demo.meesho.local',
    name: 'Murugan S',
    business: 'Tirupur Knit Works',
    state: '33',
    city: 'Tiruppur',
    pincode: '641601',
    pan: 'AAGCT',
  },
  {
    email: 'kolkata.crafts@demo.meesho.local',
    name: 'Rina Das',
    business: 'Kolkata Craft Bazaar',
    state: '19',
    city: 'Kolkata',
    pincode: '700001',
    pan: 'AAHCK',
  },
  {
    email: 'delhi.gadgets@demo.meesho.local',
    name: 'Aman Gupta',
    business: 'Delhi Gadget Hub',
    state: '07',
    city: 'New Delhi',
    pincode: '110001',
    pan: 'AAJCD',
  },
  {
    email: 'mumbai.glow@demo.meesho.local',
    name: 'Sneha Patil',
    business: 'Mumbai Glow Beauty',
    state: '27',
    city: 'Mumbai',
    pincode: '400001',
    pan: 'AAKCM',
  },
]

const CUSTOMERS = [
  { email: 'anita@demo.meesho.local', name: 'Anita Verma' },
  { email: 'rahul@demo.meesho.local', name: 'Rahul Nair' },
  { email: 'fatima@demo.meesho.local', name: 'Fatima Khan' },
]

/** A small deterministic PRNG, so every run seeds the same catalog. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

async function upsertCategory(
  name: string,
  parent: Category | null,
  gst: GstRate | null,
  description: string,
  position: number
) {
  const slug = slugify(name)
  return Category.updateOrCreate(
    { slug },
    { name, parentId: parent?.id ?? null, gstRate: gst, description, position }
  )
}

async function demoSellers() {
  const sellers: User[] = []
  const main = await User.findByOrFail('email', 'seller@demo.meesho.local')
  sellers.push(main)
  for (const [i, s] of SELLERS.entries()) {
    const user = await User.updateOrCreate(
      { email: s.email },
      {
        fullName: s.name,
        role: 'seller',
        password: DEMO_PASSWORD,
        isActive: true,
        phone: `98${String(70000000 + i)}`,
      }
    )
    const first14 = `${s.state}${s.pan}${1000 + i}K1Z`
    await SellerProfile.updateOrCreate(
      { userId: user.id },
      {
        businessName: s.business,
        gstin: `${first14}${gstinCheckDigit(first14)}`,
        // Approval needs a complete address: every invoice prints it.
        addressLine1: `${12 + i} Market Road`,
        city: s.city,
        state: stateForGstCode(s.state) ?? null,
        pincode: s.pincode,
        status: 'approved',
      }
    )
    sellers.push(user)
  }
  return sellers
}

/**
 * The demo marketplace: category tree, six approved sellers (the demo seller
 * login owns a share of the products), ~200 products with stock, prices and
 * placeholder images written through Drive, and a few demo customers. Safe to
 * run again: everything is keyed by slug or email and only missing rows and
 * files are created.
 */
export async function seedDemoCatalog() {
  for (const c of CUSTOMERS) {
    await User.updateOrCreate(
      { email: c.email },
      { fullName: c.name, role: 'customer', password: DEMO_PASSWORD, isActive: true }
    )
  }
  const sellers = await demoSellers()
  const rand = random(2026)
  let created = 0

  for (const { category, leaf, rootIndex, leafIndex, gst } of await seedDemoCategories()) {
    const count = Math.round(200 / 20)
    for (let n = 0; n < count; n++) {
      const style = leaf.styles[n % leaf.styles.length]
      const item = leaf.items[Math.floor(n / leaf.styles.length) % leaf.items.length]
      const colour = COLOURS[(n * 3 + leafIndex + rootIndex) % COLOURS.length]
      const title = `${colour} ${style} ${item}`
      const slug = slugify(title)
      const seller = sellers[(n + leafIndex + rootIndex) % sellers.length]
      const rupees = leaf.price[0] + Math.floor(rand() * (leaf.price[1] - leaf.price[0]))
      const price = (Math.round(rupees / 10) * 10 - 1) * 100
      const mrp = Math.round((price * (1.3 + rand() * 0.9)) / 10000) * 10000 - 100
      const stock = n % 9 === 4 ? 0 : 3 + Math.floor(rand() * 60)
      const existing = await Product.findBy('slug', slug)
      if (existing) continue
      await db.transaction(async (trx) => {
        const product = await Product.create(
          {
            sellerId: seller.id,
            categoryId: category.id,
            title,
            slug,
            description: `${colour} ${style.toLowerCase()} ${item.toLowerCase()}. ${leaf.blurb}`,
            pricePaise: price,
            mrpPaise: Math.max(mrp, price),
            // Opening stock goes in through the ledger below.
            stock: 0,
            gstRate: gst,
            isActive: true,
            salesCount: Math.floor(rand() * 500),
            avgRating: 0,
            ratingCount: 0,
          },
          { client: trx }
        )
        if (stock > 0) {
          await applyStockChanges(trx, [
            {
              productId: product.id,
              delta: stock,
              reason: 'initial',
              referenceType: 'product',
              referenceId: product.id,
            },
          ])
        }
        await rememberTitleWords([title], trx)
      })
      created++
    }
  }
  await seedImages()
  return created
}

/** One generated placeholder picture per demo product that has none yet. */
async function seedImages() {
  const missing = await Product.query()
    .whereHas('seller', (seller) => seller.whereILike('email', '%@demo.meesho.local'))
    .whereDoesntHave('images', () => {})
    .select('id', 'slug')
  for (const product of missing) {
    const hue = [...product.slug].reduce((sum, ch) => sum + ch.charCodeAt(0), 0)
    const from: [number, number, number] = [
      80 + (hue % 150),
      60 + ((hue * 7) % 150),
      90 + ((hue * 13) % 150),
    ]
    const to: [number, number, number] = [
      255 - (from[0] >> 2),
      240 - (from[1] >> 2),
      230 - (from[2] >> 2),
    ]
    const key = `demo/products/${product.slug}.png`
    await drive
      .use()
      .put(key, placeholderPng(from, to, 240), { contentType: 'image/png', visibility: 'public' })
    await ProductImage.create({ productId: product.id, path: key, position: 0 })
  }
}
