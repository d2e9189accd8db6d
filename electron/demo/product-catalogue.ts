// What a Danish neighbourhood bakery-and-grocer sells, with shelf prices incl. VAT. Newspapers are zero-rated
// in Denmark (0 % VAT); everything else carries 25 %. Many prices end in 95 øre, which gives the cash rounding
// real work. Popularity weights make coffee and bread common and flowers rare.
import { parseKroner, type Ore } from '../../shared/money/ore';

export interface Product {
  name: string;
  priceOre: Ore;
  vatRateBp: number;
  popularity: number;
}

const product = (name: string, price: string, popularity: number, vatRateBp = 2500): Product => ({
  name,
  priceOre: parseKroner(price),
  vatRateBp,
  popularity,
});

export const PRODUCT_CATALOGUE: readonly Product[] = Object.freeze([
  product('Kaffe to go', '30,00', 40),
  product('Cappuccino', '38,00', 25),
  product('Te', '25,00', 8),
  product('Rundstykke', '6,50', 45),
  product('Tebirkes', '12,00', 20),
  product('Kanelsnegl', '22,00', 18),
  product('Spandauer', '18,00', 14),
  product('Rugbrød 1 kg', '32,95', 22),
  product('Franskbrød', '28,00', 12),
  product('Sødmælk 1 l', '13,95', 20),
  product('Letmælk 1 l', '12,50', 15),
  product('Smør 250 g', '24,95', 10),
  product('Æg 10 stk.', '36,00', 9),
  product('Danbo 45+ 450 g', '59,95', 6),
  product('Leverpostej', '16,95', 8),
  product('Rullepølse 150 g', '26,50', 6),
  product('Remoulade', '19,95', 4),
  product('Kartofler 2 kg', '25,00', 5),
  product('Æbler 1 kg', '22,00', 6),
  product('Bananer 1 kg', '18,95', 7),
  product('Agurk', '8,00', 6),
  product('Tomater 500 g', '20,00', 5),
  product('Sodavand 0,5 l', '16,00', 14),
  product('Danskvand 1,5 l', '14,00', 8),
  product('Chips 175 g', '22,00', 7),
  product('Chokoladebar', '12,95', 10),
  product('Lakrids', '15,00', 5),
  product('Buket tulipaner', '79,95', 2),
  product('Politiken (avis)', '40,00', 4, 0),
  product('Ekstra Bladet (avis)', '25,00', 3, 0),
]);
