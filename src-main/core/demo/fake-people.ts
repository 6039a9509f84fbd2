import { checkDigit } from '../../../src-shared/domain/id-number';

/**
 * Realistic, reproducible people for the demo workspace and for test fixtures: common
 * surnames (polyphonic ones included), valid GB 11643 ID numbers from Shandong's districts,
 * mainland mobiles, a vocational college's majors.
 */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇区查';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建峰婷雪琳晶浩宇轩子涵欣怡梓萱思雨博文俊鑫佳琪晨阳一诺可馨紫嫣雅静梦瑶诗涵嘉怡';
const DISTRICTS = ['370102', '370103', '370202', '370203', '370602', '370611', '370613', '370681', '370683', '370285', '370502', '371581', '370303', '370883'];
export const DEMO_MAJORS = [
  { name: '物流管理', level: '高职专科' },
  { name: '计算机应用技术', level: '高职专科' },
  { name: '软件技术', level: '高职专科' },
  { name: '大数据技术', level: '高职专科' },
  { name: '汽车检测与维修技术', level: '高职专科' },
  { name: '电子商务', level: '高职专科' },
  { name: '软件工程技术', level: '职业本科' },
  { name: '物流服务与管理', level: '中职' },
];
const PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187', '188', '177', '199'];

export interface FakePerson {
  name: string;
  idNumber: string;
  phone: string;
  major: string;
  majorLevel: string;
  entryYear: number;
}

export function fakePeople(count: number, seed = 2026): FakePerson[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const used = new Set<string>();
  const people: FakePerson[] = [];
  while (people.length < count) {
    const givenLength = rnd() < 0.7 ? 2 : 1;
    let given = '';
    for (let i = 0; i < givenLength; i++) given += pick<string>(GIVEN);
    const entryYear = 2023 + Math.floor(rnd() * 4);
    const birthYear = entryYear - 18 - Math.floor(rnd() * 2);
    const birth = new Date(Date.UTC(birthYear, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const first17 = `${pick(DISTRICTS)}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    const idNumber = first17 + checkDigit(first17);
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const major = pick(DEMO_MAJORS);
    people.push({
      name: pick<string>(SURNAMES) + given,
      idNumber,
      phone: `${pick(PREFIXES)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      major: major.name,
      majorLevel: major.level,
      entryYear,
    });
  }
  return people;
}
