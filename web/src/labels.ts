// What the screens call the API's codes: everything a person reads is Japanese.
import type { Role } from './api.ts';

export const STATUS_LABEL: Record<string, string> = { open: '受付中', forwarded: 'サポートデスクで確認中', answered: '回答あり', resolved: '解決済み' };
export const ROLE_LABEL: Record<Role, string> = { traveler: '旅行者', staff: '会計担当職員', helpdesk: 'SEABISサポートデスク', admin: '管理者' };
export const LEVEL_LABEL: Record<string, string> = { low: '低', medium: '中', high: '高' };
export const AXIS_LABEL: Record<string, string> = { users: '利用者の範囲', work: '業務の性格', data: '機密・個人情報', judgment: '職員判断' };
export const REASON_LABEL: Record<string, string> = {
  pii: '個人情報', confidential: '機密情報', injection: '指示の上書き', high_stakes: '重要な判断', needs_staff_judgment: '職員判断が必要',
  out_of_scope: '目的外', harmful: '有害', low_confidence: '低い確信度', negative_feedback: '低評価', provider_failure: 'モデル障害',
};
/** A ticket's events, as the staff's log reads them. */
export const EVENT_LABEL: Record<string, string> = { opened: '問い合わせを受付', forwarded: 'サポートデスクに転送', answered: '回答', resolved: '解決済みに変更', reopened: '再オープン' };
export const FAQ_STATUS_LABEL: Record<string, string> = { proposed: '提案中', approved: '承認済み', needs_review: '要確認(引用元が変更)', withdrawn: '取り下げ' };

export const labelOf = (labels: Record<string, string>, code: string) => labels[code] ?? code;
export const dateTime = (iso: string) => new Date(iso).toLocaleString('ja-JP', { dateStyle: 'medium', timeStyle: 'short' });
