import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  const env = (extra: Record<string, string>) => ({ KNOWLEDGE_DIR: '/srv/bot', ...extra }) as NodeJS.ProcessEnv;

  test('an empty threshold or margin means the built-in default, not 0', () => {
    const c = loadConfig(env({ CONFIDENCE_THRESHOLD: '', CLARIFY_MARGIN: '' }));
    expect(c.confidenceThreshold).toBeUndefined();
    expect(c.clarifyMargin).toBeUndefined();
  });

  test('a threshold is read as a number and checked to be a share', () => {
    expect(loadConfig(env({ CONFIDENCE_THRESHOLD: '0.65' })).confidenceThreshold).toBe(0.65);
    expect(() => loadConfig(env({ CONFIDENCE_THRESHOLD: '7' }))).toThrow(/CONFIDENCE_THRESHOLD/);
    expect(() => loadConfig(env({ CLARIFY_MARGIN: 'lots' }))).toThrow(/CLARIFY_MARGIN/);
  });

  test('the model file defaults to dist/model.json under the knowledge folder', () => {
    expect(loadConfig(env({})).modelFile).toBe('/srv/bot/dist/model.json');
    expect(loadConfig(env({ MODEL_FILE: '/tmp/m.json' })).modelFile).toBe('/tmp/m.json');
  });
});
