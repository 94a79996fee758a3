import { Locator, Page } from 'playwright-core';

/** The words `writeFormattedText` types in bold, and its bulleted item. */
export const LESSON_BOLD_TEXT = 'lao động';
export const LESSON_BULLET_TEXT = 'Lượng giá trị đo bằng thời gian lao động xã hội cần thiết';

export interface NewCourse {
  code: string;
  title: string;
}

export interface NewLesson {
  moduleTitle: string;
  lessonTitle: string;
}

/** A code no other run or spec of the same product instance uses. */
export const uniqueCode = (prefix: string): string => `${prefix}-${Date.now().toString(36).toUpperCase()}`;

/** Opens the course list and creates a course through the dialog; resolves on its editor. */
export async function createCourse(page: Page, course: NewCourse): Promise<void> {
  await page.goto('/centre/courses');
  await page.getByRole('heading', { level: 1, name: 'Chương trình đào tạo' }).waitFor();
  await page.getByRole('button', { name: 'Thêm chương trình' }).click();

  const dialog = page.getByRole('dialog', { name: 'Thêm chương trình đào tạo' });
  // The dialog focuses its first field once its opening animation ends; typing before that
  // can be moved into the first field with it.
  await dialog.locator(':focus').waitFor();
  await dialog.getByLabel('Mã chương trình').fill(course.code);
  await dialog.getByLabel('Tên chương trình').fill(course.title);
  await dialog.getByLabel('Đối tượng').click();
  await page.getByRole('option', { name: 'Lý luận chính trị cho đảng viên mới' }).click();
  await dialog.getByLabel('Số giờ học').fill('40');
  await dialog.getByLabel('Mô tả').fill('Chương trình bồi dưỡng dành cho đảng viên mới kết nạp.');
  await dialog.getByRole('button', { name: 'Tạo chương trình' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.waitForURL(/\/centre\/courses\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
}

/** Opens a tab of the course editor; resolves on its panel. */
export async function openTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name }).click();
  // Only the open tab's panel is visible, and so found by role.
  const panel = page.getByRole('tabpanel');
  await panel.waitFor();
  return panel;
}

/** Adds a module and a lesson in it; the lesson's editor opens by itself. */
export async function addModuleAndLesson(page: Page, titles: NewLesson): Promise<Locator> {
  const panel = await openTab(page, 'Nội dung');
  await panel.getByRole('button', { name: 'Thêm học phần' }).click();
  const moduleDialog = page.getByRole('dialog', { name: 'Thêm học phần' });
  await moduleDialog.getByLabel('Tên học phần').fill(titles.moduleTitle);
  await moduleDialog.getByRole('button', { name: 'Lưu' }).click();
  await moduleDialog.waitFor({ state: 'detached' });

  const module = panel.getByTestId('module').filter({ hasText: titles.moduleTitle });
  await module.getByRole('button', { name: 'Thêm bài học' }).click();
  const lessonTitleDialog = page.getByRole('dialog', { name: 'Thêm bài học' });
  await lessonTitleDialog.getByLabel('Tên bài học').fill(titles.lessonTitle);
  await lessonTitleDialog.getByRole('button', { name: 'Lưu' }).click();
  await lessonTitleDialog.waitFor({ state: 'detached' });

  const lessonDialog = page.getByRole('dialog', { name: 'Soạn bài học' });
  await lessonDialog.waitFor();
  return lessonDialog;
}

/** Types formatted text through the toolbar: bold in the first line, then a bulleted item. */
export async function writeFormattedText(page: Page, lessonDialog: Locator): Promise<void> {
  const editor = lessonDialog.getByRole('textbox', { name: 'Nội dung bài học' });
  await editor.click();
  await page.keyboard.type('Giá trị hàng hoá do ');
  await lessonDialog.getByRole('button', { name: 'In đậm' }).click();
  await page.keyboard.type(LESSON_BOLD_TEXT);
  await lessonDialog.getByRole('button', { name: 'In đậm' }).click();
  await page.keyboard.type(' tạo ra.');
  await page.keyboard.press('Enter');
  await lessonDialog.getByRole('button', { name: 'Danh sách dấu đầu dòng' }).click();
  await page.keyboard.type(LESSON_BULLET_TEXT);
}
