import { IsInt, IsString, MaxLength, MetadataStorage, registerDecorator, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  count!: number;
}

describe('cacheValidationMetadata', () => {
  it('answers what the uncached lookup answers, inherited rules included, and reuses it', () => {
    const storage = new MetadataStorage();
    const fresh = new MetadataStorage();
    for (const target of [storage, fresh]) {
      target.addValidationMetadata({
        target: Base,
        propertyName: 'name',
        type: 'x',
        constraints: [],
      } as never);
      target.addValidationMetadata({
        target: Child,
        propertyName: 'count',
        type: 'y',
        constraints: [],
      } as never);
    }
    cacheValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    const plain = fresh.getTargetValidationMetadatas(Child, '', false, false);
    expect(first.map((m) => m.propertyName).sort()).toEqual(plain.map((m) => m.propertyName).sort());
    expect(first.map((m) => m.propertyName).sort()).toEqual(['count', 'name']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    // Other options are another answer.
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['g'])).not.toBe(first);
  });

  it('forgets what it kept when a rule is added later', () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata({
      target: Base,
      propertyName: 'name',
      type: 'x',
      constraints: [],
    } as never);
    cacheValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toHaveLength(1);
    storage.addValidationMetadata({
      target: Child,
      propertyName: 'count',
      type: 'y',
      constraints: [],
    } as never);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toHaveLength(2);
  });

  it('still validates with the global storage, including a class decorated after the cache was installed', async () => {
    cacheValidationMetadata();
    expect(await validate(Object.assign(new Child(), { name: 'Hà Nội', count: 2 }))).toEqual([]);
    expect(
      (await validate(Object.assign(new Child(), { name: 3, count: 'x' }))).map((e) => e.property).sort(),
    ).toEqual(['count', 'name']);
    class Later {
      @MaxLength(3)
      code!: string;
    }
    registerDecorator({
      target: Later,
      propertyName: 'code',
      validator: { validate: (value: unknown) => value !== 'cấm' },
    });
    expect(await validate(Object.assign(new Later(), { code: 'abcd' }))).toHaveLength(1);
    expect((await validate(Object.assign(new Later(), { code: 'cấm' })))[0]?.property).toBe('code');
  });
});
