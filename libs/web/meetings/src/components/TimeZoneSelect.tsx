import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneNames } from '../utils/zoned-time.util';

/** A searchable list of IANA zones; the given value is always among them. */
export function TimeZoneSelect({ value, ...props }: Omit<SelectProps, 'data'> & { value: string }) {
  const data = useMemo(() => timeZoneNames(value), [value]);
  return (
    <Select searchable allowDeselect={false} maxDropdownHeight={280} data={data} value={value} dir="ltr" {...props} />
  );
}
