// What is in the parcel (内件) and how it is packed. Published through `shippingSchemas`.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Money, StringEnum, ref, schemaId } from './common.ts';

/**
 * Goods a carrier may accept, grouped as platforms group them. Listed first so that the prohibited categories,
 * which follow, stand out in the published enumeration.
 */
export const PERMITTED_CONTENTS_CATEGORIES = [
  'DOCUMENTS',
  'CLOTHING_FOOTWEAR',
  'BAGS_ACCESSORIES',
  'JEWELLERY_WATCHES',
  'COSMETICS_PERSONAL_CARE',
  'FOOD',
  'FRESH_FOOD',
  'BEVERAGES',
  'HEALTH_SUPPLEMENTS',
  'MEDICINES',
  'MEDICAL_DEVICES',
  'MOTHER_BABY',
  'TOYS',
  'BOOKS_MEDIA',
  'STATIONERY_OFFICE',
  'SPORTS_OUTDOOR',
  'HOUSEHOLD_GOODS',
  'FURNITURE',
  'HOME_APPLIANCES',
  'ELECTRONICS',
  'ELECTRONICS_WITH_BATTERIES',
  'COMPUTER_ACCESSORIES',
  'AUTO_PARTS',
  'TOOLS_HARDWARE',
  'PLANTS_SEEDS',
  'PET_SUPPLIES',
  'ARTS_CRAFTS',
  'OTHER',
] as const;

/**
 * Categories that must never be accepted for express delivery, after the groups of the national catalogue of
 * prohibited items (禁止寄递物品指导目录). A carrier refuses a request that declares one of them with the problem
 * `prohibited-contents`; the platform learns why at once instead of finding out when a courier refuses the parcel.
 */
export const PROHIBITED_CONTENTS_CATEGORIES = [
  'FIREARMS_AMMUNITION',
  'CONTROLLED_KNIVES_WEAPONS',
  'EXPLOSIVES',
  'COMPRESSED_LIQUEFIED_GASES',
  'FLAMMABLE_LIQUIDS',
  'FLAMMABLE_SOLIDS',
  'OXIDISERS_PEROXIDES',
  'TOXIC_SUBSTANCES',
  'INFECTIOUS_SUBSTANCES',
  'RADIOACTIVE_MATERIALS',
  'CORROSIVES',
  'NARCOTICS',
  'ILLEGAL_PUBLICATIONS',
  'ESPIONAGE_EQUIPMENT',
  'COUNTERFEIT_CURRENCY',
  'COUNTERFEIT_GOODS',
  'ENDANGERED_WILDLIFE',
  'IMPORT_EXPORT_PROHIBITED',
] as const;

export type ProhibitedContentsCategory = (typeof PROHIBITED_CONTENTS_CATEGORIES)[number];

/** The group of the national catalogue (禁止寄递物品指导目录) each prohibited category stands for, as chapter Shipping data prints it. */
export const prohibitedContentsLabels = {
  FIREARMS_AMMUNITION: ['枪支弹药', 'firearms and ammunition'],
  CONTROLLED_KNIVES_WEAPONS: ['管制器具', 'controlled knives and weapons'],
  EXPLOSIVES: ['爆炸物品', 'explosives'],
  COMPRESSED_LIQUEFIED_GASES: ['压缩和液化气体', 'compressed and liquefied gases'],
  FLAMMABLE_LIQUIDS: ['易燃液体', 'flammable liquids'],
  FLAMMABLE_SOLIDS: ['易燃固体', 'flammable solids'],
  OXIDISERS_PEROXIDES: ['氧化剂和过氧化物', 'oxidisers and organic peroxides'],
  TOXIC_SUBSTANCES: ['毒性物质', 'toxic substances'],
  INFECTIOUS_SUBSTANCES: ['生化制品、传染性物质', 'biological products and infectious substances'],
  RADIOACTIVE_MATERIALS: ['放射性物质', 'radioactive materials'],
  CORROSIVES: ['腐蚀性物质', 'corrosive substances'],
  NARCOTICS: ['毒品及吸毒工具', 'narcotics and drug paraphernalia'],
  ILLEGAL_PUBLICATIONS: ['非法出版物', 'illegal publications'],
  ESPIONAGE_EQUIPMENT: ['间谍专用器材', 'espionage equipment'],
  COUNTERFEIT_CURRENCY: ['伪造的货币、证件、印章', 'counterfeit currency, documents and seals'],
  COUNTERFEIT_GOODS: ['侵权和假冒伪劣物品', 'infringing and counterfeit goods'],
  ENDANGERED_WILDLIFE: ['濒危野生动物及其制品', 'endangered wildlife and products made from it'],
  IMPORT_EXPORT_PROHIBITED: ['禁止进出境物品', 'goods prohibited from import or export'],
} as const satisfies Record<ProhibitedContentsCategory, readonly [string, string]>;

export const ContentsCategory = StringEnum([...PERMITTED_CONTENTS_CATEGORIES, ...PROHIBITED_CONTENTS_CATEGORIES] as const, {
  $id: schemaId('ContentsCategory'),
  title: 'ContentsCategory',
  description:
    'Category (品类) of an item in the parcel. Permitted categories: documents, clothing and footwear, bags, ' +
    'jewellery and watches, cosmetics, food, fresh food, beverages, health supplements, medicines, medical ' +
    'devices, mother-and-baby goods, toys, books and media, stationery, sports goods, household goods, furniture, ' +
    'home appliances, electronics (with batteries separately, for the carrier’s dangerous-goods screening), ' +
    'computer accessories, auto parts, tools, plants and seeds, pet supplies, arts and crafts, other. ' +
    'PROHIBITED categories — valid codes so that a platform can declare them honestly, but always refused by the ' +
    'carrier with the problem `prohibited-contents`: FIREARMS_AMMUNITION (枪支弹药), CONTROLLED_KNIVES_WEAPONS ' +
    '(管制器具), EXPLOSIVES (爆炸物品), COMPRESSED_LIQUEFIED_GASES (压缩和液化气体), FLAMMABLE_LIQUIDS (易燃液体), ' +
    'FLAMMABLE_SOLIDS (易燃固体), OXIDISERS_PEROXIDES (氧化剂和过氧化物), TOXIC_SUBSTANCES (毒性物质), ' +
    'INFECTIOUS_SUBSTANCES (生化制品、传染性物质), RADIOACTIVE_MATERIALS (放射性物质), CORROSIVES (腐蚀性物质), ' +
    'NARCOTICS (毒品及吸毒工具), ILLEGAL_PUBLICATIONS (非法出版物), ESPIONAGE_EQUIPMENT (间谍专用器材), ' +
    'COUNTERFEIT_CURRENCY (伪造的货币、证件、印章), COUNTERFEIT_GOODS (侵权和假冒伪劣物品), ENDANGERED_WILDLIFE ' +
    '(濒危野生动物及其制品), IMPORT_EXPORT_PROHIBITED (禁止进出境物品).',
  examples: ['CLOTHING_FOOTWEAR', 'ELECTRONICS_WITH_BATTERIES'],
});
export type ContentsCategory = Static<typeof ContentsCategory>;

/** True when the category may never be accepted. */
export const isProhibitedContentsCategory = (category: string): category is ProhibitedContentsCategory =>
  (PROHIBITED_CONTENTS_CATEGORIES as readonly string[]).includes(category);

/** One line of the contents (内件). */
export const ContentsItem = Type.Object(
  {
    name: Type.String({
      description: 'Name of the goods (品名) as the label and the acceptance check show it, e.g. `纯棉T恤`.',
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
    }),
    category: ref(ContentsCategory),
    quantity: Type.Integer({ format: 'int32', description: 'Number of units of this item in the parcel.', minimum: 1, maximum: 99999 }),
    unit: Type.Optional(
      Type.String({
        description: 'Unit of the quantity as the platform sells it (`件`, `个`, `箱`, `kg` …); `件` when absent.',
        minLength: 1,
        maxLength: 16,
        pattern: '\\S',
      }),
    ),
    declaredValue: Type.Optional(
      ref(Money, {
        description: 'Declared value of this line (all units together), for insurance (保价), claims and customs.',
      }),
    ),
    weightGrams: Type.Optional(
      Type.Integer({ format: 'int32', description: 'Weight of this line (all units together) in grams, as declared.', minimum: 1, maximum: 1000000 }),
    ),
  },
  {
    $id: schemaId('ContentsItem'),
    title: 'ContentsItem',
    description:
      'One line of the contents (内件) that OP-01 names among the necessary shipping data: the name of the goods ' +
      '(品名), their category (品类) from the ECDX code list, the quantity and unit, and optionally the declared ' +
      'value and weight. The category lets the carrier refuse prohibited goods before a courier is sent; value ' +
      'and weight are optional because the carrier weighs the parcel at acceptance anyway.',
    ...Closed,
    examples: [
      { name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 2, unit: '件', declaredValue: { amount: '158.00', currency: 'CNY' }, weightGrams: 400 },
      { name: '蓝牙耳机', category: 'ELECTRONICS_WITH_BATTERIES', quantity: 1 },
    ],
  },
);
export type ContentsItem = Static<typeof ContentsItem>;

/** The parcel as a physical object. */
export const PackageInfo = Type.Object(
  {
    count: Type.Integer({ format: 'int32', description: 'Number of pieces (件数) travelling under this waybill.', minimum: 1, maximum: 999 }),
    totalWeightGrams: Type.Optional(
      Type.Integer({ format: 'int32', description: 'Total weight of all pieces in grams, as declared by the platform.', minimum: 1, maximum: 1000000 }),
    ),
    dimensionsMm: Type.Optional(
      Type.Object(
        {
          length: Type.Integer({ format: 'int32', description: 'Longest side in millimetres.', minimum: 1, maximum: 10000 }),
          width: Type.Integer({ format: 'int32', description: 'Second side in millimetres.', minimum: 1, maximum: 10000 }),
          height: Type.Integer({ format: 'int32', description: 'Third side in millimetres.', minimum: 1, maximum: 10000 }),
        },
        { description: 'Outer dimensions of the (largest) piece in millimetres.', ...Closed },
      ),
    ),
  },
  {
    $id: schemaId('PackageInfo'),
    title: 'PackageInfo',
    description:
      'Count, declared total weight (grams) and outer dimensions (millimetres) of the parcel. Integers in the ' +
      'smallest practical unit, so no party rounds differently. Weight and size are declarations that help the ' +
      'carrier plan pickup; the carrier’s own measurement at acceptance prevails.',
    ...Closed,
    examples: [{ count: 1, totalWeightGrams: 850, dimensionsMm: { length: 300, width: 200, height: 100 } }, { count: 2 }],
  },
);
export type PackageInfo = Static<typeof PackageInfo>;

export const contentsSchemas = [ContentsCategory, ContentsItem, PackageInfo];
