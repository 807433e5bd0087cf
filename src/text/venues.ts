// Where something is held. A question asking for the venue of a meeting or an event (「会場はどこ？」
// 「どこで開催された？」) is answered by a place: a venue field of minutes or a notice (「2.場所 オンライン
// 開催」), a room, a hall, a building or a city (「説明会(都内)」). Passages that tell when an event is
// held and who runs it (「開催日:2025年5月16日(予定)・担当:…事務局」) but name no place do not say where:
// answer-gaps.ts names the gap in a decline. The words are those Japanese notices give a venue with,
// written from the convention (開催要領: 日時・場所), not from any question.

/**
 * A question asking where a meeting or an event is (or was) held (「会場は」「開催場所」「どこで開催」「どこで
 * 開かれた」); not where a page can be read (「どこで見られる」) nor where in a system a step is done (「手続
 * はSEABISのどこで行いますか」「どこでやるんですか」, which the sample corpus's golden questions ask).
 */
const VENUE_ASKED = /会場|開催(?:場所|地)|場所は|どこで(?:開催|開か)/u;

/** Words that give a place: a venue field, a room, a hall, a building, a floor, a city or region as a venue, or an online meeting. */
const PLACE_GIVEN = /場所|会場|開催地|オンライン|ウェブ|web|リモート|都内|府内|県内|市内|町内|ホール|会議室|講堂|庁舎|号館|ビル|センター|\d\s*階/iu;

/** The label a venue-asked gap is declined with (declines.ts). */
export const VENUE_GAP = '開催場所';

/** Whether a prepared question asks where something is held. */
export function asksVenue(question: string): boolean {
  return VENUE_ASKED.test(question);
}

/** Whether a prepared text names a place something is held at. */
export function givesPlace(text: string): boolean {
  return PLACE_GIVEN.test(text);
}
