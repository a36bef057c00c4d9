/**
 * Presets: the preset JSON format ({@link io.antiphon.presets.Preset}), read strictly and refused in one sentence when
 * broken; the catalogue of the shipped presets and their model bundles, and the user's own preset folder
 * ({@link io.antiphon.presets.PresetCatalogue}, {@link io.antiphon.presets.UserPresetFolder}); writing a preset
 * folder ({@link io.antiphon.presets.PresetWriter}). Depends on Jackson only, nothing of Antiphon's; the engine
 * validates a preset's parameters and the CLI loads presets by name (docs/user-guide.md, Presets).
 */
package io.antiphon.presets;
