export { createRenderer, type Renderer, type RendererOptions } from './browser/renderer.js';
export { type BuildOptions, type BuildResult, build, type Output } from './build.js';
export { type CheckOptions, type CheckResult, check } from './check.js';
export { type ConfigFile, configSchema } from './config/file.js';
export { type Config, loadConfig } from './config/load.js';
export {
  type MailSettings,
  type Options,
  type OutputKind,
  type PageFormat,
  type ResolvedOptions,
  resolveOptions,
} from './config/options.js';
export {
  attachmentLimit,
  composeEmail,
  composeMessage,
  type EmailAttachment,
  type EmailOptions,
} from './email/compose.js';
export { type OutgoingEmail, SendError, type SendOptions, type SendReceipt, sendEmail } from './email/send.js';
export { parseSmtpUrl, type SmtpServer } from './email/smtp-url.js';
export { renderSubject, subjectFields } from './email/subject.js';
export { BriefpressError, BrowserNotFoundError } from './errors.js';
export type { FontSource } from './fonts/font-set.js';
export type { BriefDocument, Section } from './markdown/document-model.js';
export { processor } from './markdown/processor.js';
export { type FrontMatter, frontMatterSchema } from './markdown/remark-front-matter.js';
export type { TemplateData } from './render/templates.js';
export type { Source } from './source/read.js';
export type { Digest, DigestItem, DigestList } from './summary/digest.js';
export type { FitResult } from './summary/fit.js';
export { version } from './version.js';
