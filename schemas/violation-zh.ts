// What a schema violation says, in Simplified Chinese: the same facts as TypeBox's English message
// (`DefaultErrorFunction`, @sinclair/typebox/errors), for a report read in Chinese (decision 0062). The kinds a JSON
// document can break are worded here; any other (a JavaScript-only type) keeps TypeBox's English.
import { Kind } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

const shown = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : String(value));

/** The Chinese of one TypeBox value error. */
export function violationZh(error: Pick<ValueError, 'type' | 'schema' | 'message'>): string {
  const s = error.schema as unknown as Record<string | symbol, unknown>;
  switch (error.type) {
    case ValueErrorType.ArrayContains:
      return '数组应至少含有一个符合条件的值';
    case ValueErrorType.ArrayMaxContains:
      return `数组中符合条件的值应不多于 ${s['maxContains']} 个`;
    case ValueErrorType.ArrayMinContains:
      return `数组中符合条件的值应至少有 ${s['minContains']} 个`;
    case ValueErrorType.ArrayMaxItems:
      return `数组长度应小于或等于 ${s['maxItems']}`;
    case ValueErrorType.ArrayMinItems:
      return `数组长度应大于或等于 ${s['minItems']}`;
    case ValueErrorType.ArrayUniqueItems:
      return '数组元素应互不相同';
    case ValueErrorType.Array:
      return '应为数组';
    case ValueErrorType.Boolean:
      return '应为布尔值';
    case ValueErrorType.IntegerExclusiveMaximum:
      return `整数应小于 ${s['exclusiveMaximum']}`;
    case ValueErrorType.IntegerExclusiveMinimum:
      return `整数应大于 ${s['exclusiveMinimum']}`;
    case ValueErrorType.IntegerMaximum:
      return `整数应小于或等于 ${s['maximum']}`;
    case ValueErrorType.IntegerMinimum:
      return `整数应大于或等于 ${s['minimum']}`;
    case ValueErrorType.IntegerMultipleOf:
      return `整数应为 ${s['multipleOf']} 的倍数`;
    case ValueErrorType.Integer:
      return '应为整数';
    case ValueErrorType.IntersectUnevaluatedProperties:
    case ValueErrorType.ObjectAdditionalProperties:
      return '不应有的成员';
    case ValueErrorType.Intersect:
      return '应同时符合所有条件';
    case ValueErrorType.Literal:
      return `应为 ${shown(s['const'])}`;
    case ValueErrorType.Never:
      return '不应有任何值';
    case ValueErrorType.Not:
      return '值不应符合该条件';
    case ValueErrorType.Null:
      return '应为 null';
    case ValueErrorType.NumberExclusiveMaximum:
      return `数值应小于 ${s['exclusiveMaximum']}`;
    case ValueErrorType.NumberExclusiveMinimum:
      return `数值应大于 ${s['exclusiveMinimum']}`;
    case ValueErrorType.NumberMaximum:
      return `数值应小于或等于 ${s['maximum']}`;
    case ValueErrorType.NumberMinimum:
      return `数值应大于或等于 ${s['minimum']}`;
    case ValueErrorType.NumberMultipleOf:
      return `数值应为 ${s['multipleOf']} 的倍数`;
    case ValueErrorType.Number:
      return '应为数值';
    case ValueErrorType.Object:
      return '应为对象';
    case ValueErrorType.ObjectMaxProperties:
      return `对象的成员应不多于 ${s['maxProperties']} 个`;
    case ValueErrorType.ObjectMinProperties:
      return `对象的成员应至少有 ${s['minProperties']} 个`;
    case ValueErrorType.ObjectRequiredProperty:
      return '缺少必填成员';
    case ValueErrorType.RegExp:
      return '字符串应符合正则表达式';
    case ValueErrorType.StringFormatUnknown:
      return `未知格式 '${s['format']}'`;
    case ValueErrorType.StringFormat:
      return `字符串应符合 '${s['format']}' 格式`;
    case ValueErrorType.StringMaxLength:
      return `字符串长度应小于或等于 ${s['maxLength']}`;
    case ValueErrorType.StringMinLength:
      return `字符串长度应大于或等于 ${s['minLength']}`;
    case ValueErrorType.StringPattern:
      return `字符串应符合 '${s['pattern']}'`;
    case ValueErrorType.String:
      return '应为字符串';
    case ValueErrorType.TupleLength:
      return `元组应有 ${(s['maxItems'] as number | undefined) || 0} 个元素`;
    case ValueErrorType.Tuple:
      return '应为元组';
    case ValueErrorType.Undefined:
      return '应为 undefined';
    case ValueErrorType.Union:
      return '应符合其中一种取值';
    case ValueErrorType.Kind:
      return `应为 '${String(s[Kind])}' 类型`;
    default:
      return error.message;
  }
}
