// Runs in: renderer. One calm theme. Colours are chosen for WCAG 2.2 AA contrast (≥ 4.5:1 for text),
// which the component library's defaults miss for secondary text and its green primary.
import type { GlobalThemeOverrides } from 'naive-ui'

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#1d5c96',
    primaryColorHover: '#174d7f',
    primaryColorPressed: '#123f68',
    primaryColorSuppl: '#174d7f',
    infoColor: '#1d5c96',
    successColor: '#1e7045',
    warningColor: '#8a5a00',
    errorColor: '#b3261e',
    errorColorHover: '#9a2019',
    textColor1: '#1b1e21',
    textColor2: '#2b2f33',
    textColor3: '#555b61',
    placeholderColor: '#676d73',
    fontSize: '15px',
    fontSizeMedium: '15px',
    borderRadius: '6px',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
}
