/** Wire typing of attribute values for the RemoteExecutionContext, from the core's table registry. */
import type { SchemaRegistry } from '../../schema/registry';
import type { AttributeKind, DescribeAttribute } from './context';

export function describeFromSchema(schema: SchemaRegistry, row?: Record<string, unknown>): DescribeAttribute {
  return (entity: string, attribute: string): AttributeKind => {
    const def = schema.byLogicalName(entity)?.attributes.get(attribute);
    if (!def) return { kind: 'plain' };
    switch (def.type) {
      case 'datetime':
      case 'dateonly':
        return { kind: 'datetime' };
      case 'picklist':
      case 'state':
      case 'status':
        return { kind: 'optionset', labels: Object.fromEntries((def.options ?? []).map((o) => [o.value, o.label])) };
      case 'money':
        return { kind: 'money' };
      case 'lookup':
      case 'owner':
      case 'customer': {
        const explicit = row?.[`${attribute}@target`];
        return { kind: 'lookup', target: typeof explicit === 'string' ? explicit : def.targets?.[0] ?? 'none' };
      }
      default:
        return { kind: 'plain' };
    }
  };
}
